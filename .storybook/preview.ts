import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';

// The manifest (attributes, properties, slots, parts, CSS properties from the
// elements' JSDoc) feeds the controls. It is generated (`npm run manifest`); a
// glob, unlike an import, is simply empty when it has not been generated yet, and
// the stories then work without the generated controls.
const manifests = import.meta.glob<unknown>('../packages/components/custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
