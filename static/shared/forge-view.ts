/**
 * The `@forge/bridge` calls of the managers' surfaces beyond ./forge-bridge: the raw Forge context
 * (the gadget's entry point and saved configuration live in `extension`), submitting or closing a
 * gadget's edit view, and navigating the host page to a JQL search or a request. Kept apart from
 * ./forge-bridge so the panel and admin bundles do not carry them.
 *
 * Host bridge calls used: `getContext`, `submit`, `close`, `navigate`.
 */
// Imported per file, like ./forge-bridge, to keep the bundle small (see the note there).
import { router } from '../../node_modules/@forge/bridge/out/router/router';
import { NavigationTarget } from '../../node_modules/@forge/bridge/out/router/targets';
import { close } from '../../node_modules/@forge/bridge/out/view/close';
import { getContext } from '../../node_modules/@forge/bridge/out/view/getContext';
import { submit } from '../../node_modules/@forge/bridge/out/view/submit';

/** The context Forge hands the frame, unparsed (the caller parses what it needs with zod). */
export async function loadRawContext(): Promise<unknown> {
  try {
    return await getContext();
  } catch {
    return undefined;
  }
}

/**
 * Saves a gadget's configuration (edit view only): Jira stores the payload for this gadget and shows
 * the view again. Throws when the host refuses (the view is not submittable).
 */
export async function submitGadgetConfiguration(configuration: Readonly<Record<string, unknown>>): Promise<void> {
  await submit({ ...configuration });
}

/** Leaves a gadget's edit view without saving. */
export async function closeEditView(): Promise<void> {
  await close();
}

/** The issue navigator for a JQL search, as a site-relative URL (Jira Cloud: `/issues/?jql=…`). */
export function issueNavigatorPath(jql: string): string {
  return `/issues/?jql=${encodeURIComponent(jql)}`;
}

/** Opens a site-relative URL in the host page (relative URLs open without a prompt). */
export async function navigateHost(path: string): Promise<void> {
  await router.navigate(path);
}

/** Opens a request's issue view in the host page. */
export async function openIssue(issueKey: string): Promise<void> {
  await router.navigate({ target: NavigationTarget.Issue, issueKey });
}

/** Opens another module of this app (e.g. the review report page) in the host page. */
export async function openModule(moduleKey: string): Promise<void> {
  await router.navigate({ target: NavigationTarget.Module, moduleKey });
}
