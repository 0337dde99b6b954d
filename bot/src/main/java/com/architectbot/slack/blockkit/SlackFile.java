package com.architectbot.slack.blockkit;

/** A file to share in the Slack thread after a reply's messages, as one of a {@link SlackUpload}'s files. */
public record SlackFile(String fileName, String title, String content) {}
