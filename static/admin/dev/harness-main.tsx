/**
 * Dev-only entry of the admin harness page: installs the mock host first, then starts the real
 * admin page. (ES modules evaluate imports in order, so the bridge exists before @forge/bridge
 * looks for it.)
 */
import './install-mock-bridge';
import '../src/main';
