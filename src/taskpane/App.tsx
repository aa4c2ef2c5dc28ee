/**
 * The task pane, minimal for now: a header and the bundled criteria sets. Anything that throws
 * while rendering (for instance a bundled set that fails validation) is caught by
 * `PaneErrorBoundary` and shown as a message instead of a blank pane.
 */
import { Component, useMemo, type ErrorInfo, type ReactNode } from 'react';
import { Badge, Body1, Caption1, FluentProvider, Subtitle2, Title3, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { bundledSets } from '../criteria';
import { en, vi, type Strings } from './strings';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  header: {
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    paddingBottom: tokens.spacingVerticalS,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  itemTop: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
  error: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  errorDetail: {
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    margin: 0,
  },
});

export interface AppProps {
  strings: Strings;
  /** Office host, or null when the page is opened outside Office (a plain browser). */
  host: Office.HostType | null;
}

export function App({ strings, host }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.pane}>
        <header className={styles.header}>
          <Title3 as="h1">{strings.appTitle}</Title3>
        </header>
        <PaneErrorBoundary>
          {host === null && <Caption1>{strings.outsideExcel}</Caption1>}
          <CriteriaSetList strings={strings} />
        </PaneErrorBoundary>
      </main>
    </FluentProvider>
  );
}

function CriteriaSetList({ strings }: { strings: Strings }) {
  const styles = useStyles();
  // Throws if a bundled set is invalid; the error boundary above shows the message.
  const sets = useMemo(() => bundledSets(), []);
  return (
    <section aria-labelledby="sets-heading">
      <Subtitle2 as="h2" id="sets-heading" block>
        {strings.setsHeading}
      </Subtitle2>
      {sets.length === 0 ? (
        <Body1>{strings.noSets}</Body1>
      ) : (
        <ul className={styles.list}>
          {sets.map((set) => (
            <li key={set.id} className={styles.item} data-set-id={set.id}>
              <div className={styles.itemTop}>
                <Body1>{set.title}</Body1>
                <Badge appearance="tint" color={set.status === 'official' ? 'success' : set.status === 'illustrative' ? 'warning' : 'informative'}>
                  {strings.status[set.status]}
                </Badge>
              </div>
              <Caption1>
                {strings.level[set.level]} · {strings.year} {set.year} · {strings.totalMax} {set.totalMax.toLocaleString('vi-VN')}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface BoundaryState {
  error: Error | null;
}

/** Shows a render error (in Vietnamese, with an English line) instead of leaving the pane blank. */
export class PaneErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Chỉ số CCHC: lỗi khi hiển thị ngăn tác vụ', error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <ErrorView error={this.state.error} />;
    return this.props.children;
  }
}

function ErrorView({ error }: { error: Error }) {
  const styles = useStyles();
  return (
    <div role="alert" className={styles.error}>
      <Subtitle2 as="h2" block>
        {vi.errorTitle}
      </Subtitle2>
      <Body1>{vi.errorIntro}</Body1>
      <pre className={styles.errorDetail}>{error.message || error.name}</pre>
      <Body1>{vi.errorHint}</Body1>
      <Caption1 lang="en">
        {en.errorTitle}. {en.errorHint}
      </Caption1>
    </div>
  );
}
