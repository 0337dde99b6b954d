package com.architectbot.consultation.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import java.util.List;
import java.util.Optional;

/**
 * A tool that can say, in one plain line, what its calls are about to do ("Checking licences of 12 packages..."),
 * for the status line users watch while tools run. The line is read by everyone in a channel: counts only, never
 * the arguments' text.
 */
interface ToolNarration {

    /** The line for this tool's calls among {@code calls}; empty when none of them is this tool's. */
    Optional<String> statusLine(List<ToolExecutionRequest> calls);
}
