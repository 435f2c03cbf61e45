import { defineMessages } from '../define';

/** What the cli part of the services says to a person. */
export const CLI_MESSAGES = defineMessages({});
