/**
 * The task pane: a header with the language switch, Start (the scoring sheet and its live
 * index), then one tab per user — officer, planner, appraiser — and the set import. Views
 * reach Excel only through the workbook port in context. Anything that throws while
 * rendering (for instance a bundled set that fails validation) is caught by
 * `PaneErrorBoundary` and shown as a message instead of a blank pane.
 */
import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle2,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { WorkbookPort } from '../workbook/port';
import { StringsContext, useStrings } from './locale';
import { en, vi, type Strings } from './strings';
import { AppraiserView } from './views/AppraiserView';
import { ImportView } from './views/ImportView';
import { OfficerView } from './views/OfficerView';
import { PlannerView } from './views/PlannerView';
import { StartView } from './views/StartView';
import { useWorkbook, WorkbookProvider } from './workbook-context';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    maxWidth: '100%',
    overflowX: 'hidden',
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    paddingBottom: tokens.spacingVerticalS,
  },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`, marginRight: `calc(-1 * ${tokens.spacingHorizontalM})`, flexWrap: 'wrap' },
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
  /** The open workbook; null outside Excel (the pane then only lists the bundled sets). */
  port?: WorkbookPort | null;
}

type TabKey = 'officer' | 'planner' | 'appraiser' | 'import';

export function App({ strings: initial, host, port = null }: AppProps) {
  const styles = useStyles();
  const [strings, setStrings] = useState(initial);
  return (
    <FluentProvider theme={webLightTheme} lang={strings.locale}>
      <StringsContext.Provider value={strings}>
        <main className={styles.pane}>
          <header className={styles.header}>
            <Title3 as="h1">{strings.appTitle}</Title3>
            <Button
              data-testid="lang-switch"
              size="small"
              appearance="subtle"
              aria-label={strings.switchLanguageLabel}
              onClick={() => setStrings(strings.locale === 'en' ? vi : en)}
            >
              {strings.switchLanguage}
            </Button>
          </header>
          <PaneErrorBoundary>
            <WorkbookProvider port={port}>
              {host === null && port === null ? <StartView /> : <Workbook />}
            </WorkbookProvider>
          </PaneErrorBoundary>
        </main>
      </StringsContext.Provider>
    </FluentProvider>
  );
}

function Workbook() {
  const styles = useStyles();
  const strings = useStrings();
  const [tab, setTab] = useState<TabKey>('officer');
  return (
    <>
      <PaneMessageBar />
      <StartView />
      <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as TabKey)}>
        {(['officer', 'planner', 'appraiser', 'import'] as const).map((key) => (
          <Tab key={key} value={key} data-testid={`tab-${key}`}>
            {strings.tabs[key]}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-label={strings.tabs[tab]}>
        {tab === 'officer' && <OfficerView />}
        {tab === 'planner' && <PlannerView />}
        {tab === 'appraiser' && <AppraiserView />}
        {tab === 'import' && <ImportView />}
      </div>
    </>
  );
}

function PaneMessageBar() {
  const strings = useStrings();
  const { message, setMessage } = useWorkbook();
  if (!message) return null;
  return (
    <MessageBar data-testid="pane-message" intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{message.text}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={() => setMessage(null)}>
          {strings.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
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
