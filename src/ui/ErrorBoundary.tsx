/** Keeps one failing view from blanking the page: it shows its error, the others keep working. */
import {Component, type ErrorInfo, type ReactNode} from 'react';

/** Props of ErrorBoundary. */
export interface ErrorBoundaryProps {
  /** The view's name, for the message. */
  name: string;
  children: ReactNode;
}

/** Catches render errors of its children. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, {error: Error | null}> {
  state: {error: Error | null} = {error: null};

  static getDerivedStateFromError(error: Error) {
    return {error};
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`${this.props.name} failed:`, error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="view-error" role="alert">
        <p>
          <strong>{this.props.name} could not be shown.</strong> {this.state.error.message}
        </p>
        <button type="button" onClick={() => this.setState({error: null})}>
          Try again
        </button>
      </div>
    );
  }
}
