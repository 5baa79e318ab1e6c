// Shared by the Experience Sections and Section Versions contract files, which both send changes.
import type { SchemaInput } from "../../src/index.js";

export type ChangeAdd = SchemaInput<"ExperienceChangeAdd">;

/** Section and version ids: one or two lowercase letters or digits. */
export const sectionIdPattern = /^[0-9a-z]{1,2}$/;

/** One new change of every type, as users send them when they automate variations. */
export const newChanges: ChangeAdd[] = [
  { type: "defaultCode", data: { css: ".hero h1 { font-size: 3rem; }", js: "", custom_js: null } },
  { type: "defaultCodeMultipage", data: { page_id: "1001", css: ".cart { gap: 8px; }" } },
  {
    type: "defaultRedirect",
    data: {
      original_pattern: "https://shop.example.com/pricing",
      variation_pattern: "https://shop.example.com/pricing-v2",
      case_sensitive: false,
    },
  },
  { type: "customCode", data: { css: null, js: "document.title = 'Sale';" } },
  { type: "richStructure", data: { js: null, selector: "#signup-button", page_id: "1001" } },
  { type: "fullStackFeature", data: { feature_id: 100500, variables_data: { button_color: "green", max_items: 5 } } },
];
