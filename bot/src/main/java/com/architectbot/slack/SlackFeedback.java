package com.architectbot.slack;

/** The visible "working on it" signs, so nobody wonders whether the bot heard them. */
final class SlackFeedback {

    /** Added to a mention or a DM as soon as it is queued. */
    static final String WORKING_REACTION = "eyes";
    /** Slack's AI app threads show this under the bot's name until the answer is posted. */
    static final String THINKING_STATUS = "is thinking...";

    static final String COMMAND_ACK = "Working on it: I'll answer in a thread here.";
    static final String PRIVATE_ACK = "Working on it: I'll answer you in a direct message.";
    static final String LICENCE_ACK = "Checking those licences: I'll post the report in a thread here.";

    private SlackFeedback() {}
}
