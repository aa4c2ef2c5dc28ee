import { render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { vi } from '../../src/taskpane/strings';

jest.mock('../../src/criteria', () => ({
  bundledSets: () => {
    throw new Error('Bộ tiêu chí "x" không hợp lệ:\n  - 1: điểm tối đa sai');
  },
}));

test('a broken criteria set shows a Vietnamese message, never a blank pane', () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  render(<App strings={vi} host={null} />);
  const alert = screen.getByRole('alert');
  expect(alert.textContent).toContain('Ngăn tác vụ gặp lỗi');
  expect(alert.textContent).toContain('điểm tối đa sai');
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Chỉ số CCHC');
});
