package com.architectbot.cli;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Reply;
import com.architectbot.core.RetryableFailure;
import com.architectbot.ops.ArchitectBot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code consult}: one consultation from the terminal, through the same service the chat surfaces use. Each section
 * of the answer is printed as soon as the model has finished writing it.
 */
@Command(
        name = "consult",
        mixinStandardHelpOptions = true,
        description = "Ask the production architect a question and print the answer as Markdown.")
final class ConsultCommand implements Callable<Integer> {

    /** Terminal conversations belong to one local tenant; the thread id keeps them apart. */
    static final String LOCAL_TENANT = "local";

    static final String TERMINAL_CHANNEL = "terminal";

    @Option(
            names = "--thread",
            paramLabel = "ID",
            description = "Continue an earlier conversation: the id printed after each answer.")
    private String thread;

    @Parameters(
            paramLabel = "QUESTION",
            arity = "0..*",
            description = "The question. Give '-' (or nothing) to read it from standard input.")
    private List<String> words = List.of();

    @Spec
    private CommandSpec spec;

    private final Supplier<ArchitectBot> bot;

    ConsultCommand(Supplier<ArchitectBot> bot) {
        this.bot = bot;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        String threadId = thread != null ? thread : UUID.randomUUID().toString().substring(0, 8);
        Inquiry inquiry = new Inquiry(
                new InquiryId("cli:" + UUID.randomUUID()),
                InquiryKind.CONSULTATION,
                new ThreadKey(Surface.CLI, LOCAL_TENANT, TERMINAL_CHANNEL, threadId),
                System.getProperty("user.name", "you"),
                question());
        try {
            SectionPrinter sections = new SectionPrinter(out);
            Reply reply = bot.get().answer(inquiry, sections);
            sections.finish(reply);
            err.println();
            err.println("Follow up in this conversation with: consult --thread " + threadId + " \"...\"");
            return ExitCodes.OK;
        } catch (PermanentFailure e) {
            err.println(e.userMessage());
            return ExitCodes.BAD_INPUT;
        } catch (RetryableFailure e) {
            err.println("Could not get an answer: " + e.getMessage());
            err.println(
                    "Nothing was lost: run the same command again (model settings: see Configuration in README.md).");
            return ExitCodes.NOT_COMPLETED;
        }
    }

    private String question() {
        if (words.isEmpty() || words.equals(List.of("-"))) {
            try {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the question from standard input", e);
            }
        }
        return String.join(" ", words);
    }
}
