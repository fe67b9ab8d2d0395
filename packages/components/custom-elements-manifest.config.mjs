/**
 * Custom-elements-manifest analyzer config (read from this folder by
 * `npm run manifest`). Classes get their tag from `@tagname` in their JSDoc,
 * because registration lives in `src/define/*.ts` (`ProductSheet.define()`),
 * which the analyzer cannot follow. This plugin fixes the module exports to match:
 * the generic `customElements.define(tagName, this)` in `CpqElement.define()` is
 * not a definition, and each `src/define/<name>.ts` defines the element of
 * `src/<name>/<name>.component.ts`.
 */
const defineModules = {
  name: 'cpq-define-modules',
  packageLinkPhase({ customElementsManifest }) {
    const modules = customElementsManifest.modules;
    for (const module of modules) {
      module.exports = (module.exports ?? []).filter(
        (entry) => entry.kind !== 'custom-element-definition' || module.path !== 'src/internal/define.ts',
      );
    }
    for (const module of modules) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.tagName) continue;
        const name = module.path.match(/^src\/([^/]+)\/\1\.component\.ts$/)?.[1];
        const definer = name && modules.find((m) => m.path === `src/define/${name}.ts`);
        if (!definer) continue;
        definer.exports = definer.exports ?? [];
        definer.exports.push({
          kind: 'custom-element-definition',
          name: declaration.tagName,
          declaration: { name: declaration.name, module: module.path },
        });
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  plugins: [defineModules],
};
