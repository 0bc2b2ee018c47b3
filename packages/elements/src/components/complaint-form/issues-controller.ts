import type { ReactiveControllerHost } from 'lit';
import {
  type EvidenceDescriptor,
  type FormStep,
  type Issue,
  issuesForStep,
  stepOf,
  validateComplaintDraft,
} from '@ipr/validators';
import { fieldKey } from './form-model.js';

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The form's errors: the draft's issues against the rules (and the server's last answer), and
 * which of them are shown: a control's after it was touched, a step's after "Next" was tried on
 * it. Focus goes to the first control with a problem.
 */
export class IssuesController {
  private touched = new Set<string>();
  private attempted = new Set<FormStep>();
  /** The issues of the server's last refusal (until the draft changes). */
  private server: Issue[] = [];

  constructor(private readonly host: Host) {}

  /** Every issue of the payload against the rules, then the server's last ones. */
  all(payload: Record<string, unknown>, evidence: ReadonlyMap<string, EvidenceDescriptor>): Issue[] {
    const result = validateComplaintDraft(payload, { evidence, requireDeclaration: true });
    const own = result.ok ? [] : result.issues;
    return [...own, ...this.server];
  }

  /** The issues shown at a control (its key: see `fieldKey`). */
  shown(key: string, all: readonly Issue[]): Issue[] {
    return all.filter((i) => fieldKey(i) === key && (this.touched.has(key) || this.attempted.has(stepOf(i))));
  }

  /** How many problems the step still has once "Next" was tried on it (0 before). */
  openOn(step: FormStep, all: readonly Issue[]): number {
    return this.attempted.has(step) ? issuesForStep(all, step).length : 0;
  }

  /** The person has been at these controls: their problems are shown. */
  touch(...keys: string[]): void {
    if (keys.every((k) => this.touched.has(k))) return;
    this.touched = new Set([...this.touched, ...keys]);
    this.host.requestUpdate();
  }

  /** "Next" (or submit) was tried on these steps: all their problems are shown. */
  attempt(...steps: FormStep[]): void {
    this.attempted = new Set([...this.attempted, ...steps]);
    this.host.requestUpdate();
  }

  /** The server refused the draft with these issues (those about a field). */
  refused(issues: readonly Issue[]): void {
    this.server = issues.filter((i) => i.path.length > 0);
    this.host.requestUpdate();
  }

  /** The server's issues, until the draft changes. */
  get serverIssues(): readonly Issue[] {
    return this.server;
  }

  /** The draft changed: the server's last answer no longer applies. */
  changed(): void {
    this.server = [];
  }

  clear(): void {
    this.touched = new Set();
    this.attempted = new Set();
    this.server = [];
    this.host.requestUpdate();
  }

  /** Focuses the control an issue is about (inside a picker: its search box or its add button). */
  focus(issue: Issue): void {
    const target = this.host.renderRoot.querySelector<HTMLElement>(`[data-key="${fieldKey(issue)}"]`);
    if (!target) return;
    const root = target.shadowRoot;
    const inner = root ? (root.querySelector<HTMLElement>('#q') ?? root.querySelector<HTMLElement>('#add')) : null;
    (inner ?? target).focus();
  }
}
