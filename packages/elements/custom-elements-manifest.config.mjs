// `cem analyze` (npm run manifest) reads this: modules sorted by path so the committed file
// does not change with the file system's glob order.
export default {
  // Never rewrite package.json's "customElements" (the drift test writes to a temporary folder).
  packagejson: false,
  plugins: [
    {
      name: 'ipr-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
