/**
 * Slack's documented Block Kit limits (docs.slack.dev, Block Kit reference), in UTF-16 units. The
 * builders cut to these; the test helper `assertSlackLimits` checks every built surface against them.
 */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  /** Top-level `text` of a message; Slack truncates past 40,000, notifications show far less. */
  messageText: 3000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  staticOptions: 100,
  checkboxOptions: 10,
  radioOptions: 10,
  placeholder: 150,
  inputLabel: 2000,
  inputHint: 2000,
  plainTextInputMax: 3000,
  blockId: 255,
  actionId: 255,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
} as const;
