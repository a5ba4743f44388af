// Wiring only: services register their listeners here (see DESIGN.md).
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    console.info('[RailAir] installed:', reason);
  });
});
