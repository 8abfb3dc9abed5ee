import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Shown with the error; already translated by the caller. */
  title: string;
  retryLabel: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** One per view slot: a view that throws shows its own message while the rest keeps working. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('View failed:', error, info.componentStack);
  }

  render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="view-error">
        <p>
          <strong>{this.props.title}</strong>
        </p>
        <p className="muted">{this.state.error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {this.props.retryLabel}
        </button>
      </div>
    );
  }
}
