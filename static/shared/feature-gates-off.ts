/**
 * Build-time stand-in for `@atlaskit/feature-gate-js-client/feature-gates` (aliased by
 * scripts/build-ui.mjs). Atlaskit components ask it for feature gates; in a Forge iframe nobody
 * initialises that client, and an uninitialised client answers `false` for every gate and the
 * default for every experiment value — exactly what this module answers, without shipping the
 * ~50 kB (gzip) Statsig client that would otherwise take a third of the panel's 150 kB budget.
 *
 * Only the members the bundled Atlaskit packages call are provided (checked when adding packages:
 * `grep -rhoE "FeatureGates\.[a-zA-Z]+" node_modules/@atlaskit/<pkg>/dist/esm`).
 */
const FeatureGates = {
  checkGate(_gateName: string): boolean {
    return false;
  },
  getExperimentValue<T>(_experimentName: string, _parameterName: string, defaultValue: T): T {
    return defaultValue;
  },
  initializeCompleted(): boolean {
    return false;
  },
};

export default FeatureGates;
