package com.architectbot.core;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.Surface;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a message to the bot means, decided once for every surface. Adapters translate their payload into a
 * {@link Message} and the {@link Decision} back into platform calls:
 * <ul>
 *   <li>a manifest sent with it means a licence check (of at most {@value #MAX_FILES} manifests; other files
 *       are left out);
 *   <li>otherwise pictures (a diagram, a screenshot, a PDF) with a question, or alone, are a consultation about
 *       them ({@link #REVIEW_PICTURES} when there is no text); a typed command with them is the command;
 *   <li>files of which none is a manifest or a picture get the list of the files we read, unless the text asks
 *       something else, which is then answered without them;
 *   <li>an empty message gets the help text, the most useful answer to "@bot" alone;
 *   <li>a typed command is a {@link TypedCommand} (a licence check naming nothing gets the help); anything
 *       else is a question;
 *   <li>a private command (usage, settings, export, forget-me, erase-all-data) is taken only in a private
 *       conversation: said where others read along, it would show one user's data to everyone.
 * </ul>
 */
public final class InquiryRules {

    /** Manifests checked from one message; a project's manifest and lockfile fit many times over. */
    public static final int MAX_FILES = 5;
    /** The largest file read for a licence check, on every surface: a large project's lockfile fits. */
    public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    /** Pictures the model sees from one message; the answer says when more were sent and left out. */
    public static final int MAX_PICTURES = 4;
    /**
     * Pictures recorded from one message: more than are shown, so the answer can say how many were left out; a
     * platform message carries ten at most, and a hostile payload cannot make a job large.
     */
    public static final int MAX_PICTURE_FILES = 20;
    /** The largest picture read, on every surface: the most Anthropic takes, ample for a diagram or a PDF. */
    public static final int MAX_PICTURE_BYTES = 5 * 1024 * 1024;
    /** The question asked about pictures sent without text. */
    public static final String REVIEW_PICTURES = "Review this architecture diagram.";

    /** Names a sender means as a picture; which ones we read is decided by the bytes, on the worker. */
    private static final Set<String> PICTURE_EXTENSIONS =
            Set.of("png", "jpg", "jpeg", "gif", "webp", "pdf", "svg", "bmp", "tif", "tiff", "heic", "heif");

    private final ManifestNames manifests;

    public InquiryRules(ManifestNames manifests) {
        this.manifests = requireNonNull(manifests, "manifests");
    }

    /**
     * A message as the adapter read it.
     *
     * @param text the text without the bot's own mention
     * @param privateConversation a direct message or personal chat: only the user and the bot read it
     */
    public record Message(Surface surface, String text, List<InquiryFile> files, boolean privateConversation) {
        public Message {
            requireNonNull(surface, "surface");
            text = text == null ? "" : text.strip();
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    /** What to do with a message. */
    public sealed interface Decision permits Accept, Refuse {}

    /** Queue an inquiry of this kind, with this text (a command's arguments) and these manifests. */
    public record Accept(InquiryKind kind, String text, List<InquiryFile> files) implements Decision {
        public Accept {
            files = List.copyOf(files);
        }
    }

    /** Queue nothing; tell the user this, where only they read it when the surface can. */
    public record Refuse(String userMessage) implements Decision {}

    /**
     * A clicked follow-up button: always a question for the architect, never a command, whatever its words (the model
     * wrote them, and whoever clicks would run it).
     */
    public static Accept followUp(String question) {
        return new Accept(InquiryKind.CONSULTATION, question, List.of());
    }

    public Decision decide(Message message) {
        if (hasManifest(message)) {
            return licenceCheck(message);
        }
        List<InquiryFile> pictures = pictures(message);
        if (!pictures.isEmpty() && TypedCommand.parse(message.text()).isEmpty()) {
            String question = message.text().isEmpty() ? REVIEW_PICTURES : message.text();
            return new Accept(InquiryKind.CONSULTATION, question, pictures);
        }
        if (!message.files().isEmpty() && !asksSomethingElse(message)) {
            return licenceCheck(message);
        }
        if (message.text().isEmpty()) {
            return new Accept(InquiryKind.HELP, "", List.of());
        }
        return TypedCommand.parse(message.text())
                .<Decision>map(command -> command(command, message))
                .orElseGet(() -> new Accept(InquiryKind.CONSULTATION, message.text(), List.of()));
    }

    private boolean hasManifest(Message message) {
        return message.files().stream().anyMatch(file -> manifests.isManifest(file.name()));
    }

    /**
     * The files meant as pictures, by the name or type the platform gave them: the worker reads only those whose
     * bytes are a picture, and tells the user about the rest.
     */
    private static List<InquiryFile> pictures(Message message) {
        return message.files().stream()
                .filter(InquiryRules::isPicture)
                .limit(MAX_PICTURE_FILES)
                .toList();
    }

    private static boolean isPicture(InquiryFile file) {
        String type = file.claimedType().toLowerCase(Locale.ROOT);
        String name = file.name().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return type.startsWith("image/")
                || type.equals("application/pdf")
                || (dot >= 0 && PICTURE_EXTENSIONS.contains(name.substring(dot + 1)));
    }

    /**
     * Text beside files none of which is a manifest (a screenshot with "how should we scale this?") is a
     * question of its own: answered, not refused for the file. Empty text or a licence-check command asks about
     * the files.
     */
    private static boolean asksSomethingElse(Message message) {
        return !message.text().isEmpty()
                && TypedCommand.parse(message.text())
                        .map(command -> command.kind() != InquiryKind.LICENCE_CHECK)
                        .orElse(true);
    }

    private Decision licenceCheck(Message message) {
        List<InquiryFile> checked = message.files().stream()
                .filter(file -> manifests.isManifest(file.name()))
                .limit(MAX_FILES)
                .toList();
        if (checked.isEmpty()) {
            return new Refuse("I can only check the licences of manifests, lockfiles and SBOMs, and none of the files "
                    + "you sent is one I read. Supported: " + manifests.supported() + ". To ask about it, write "
                    + "your question with the file.");
        }
        String arguments = TypedCommand.parse(message.text())
                .filter(command -> command.kind() == InquiryKind.LICENCE_CHECK)
                .map(TypedCommand::arguments)
                .orElse(message.text());
        return new Accept(InquiryKind.LICENCE_CHECK, arguments, checked);
    }

    private static Decision command(TypedCommand command, Message message) {
        if (command.isPrivate() && !message.privateConversation()) {
            return new Refuse(privately(message.surface(), command.kind()));
        }
        if (command.kind() == InquiryKind.LICENCE_CHECK && command.arguments().isBlank()) {
            return new Accept(InquiryKind.HELP, "", List.of()); // nothing to check: how to ask, not a failed check
        }
        return new Accept(command.kind(), command.arguments(), List.of());
    }

    /** Where the user can say it instead, on their surface. */
    private static String privately(Surface surface, InquiryKind kind) {
        String word = TypedCommand.word(kind);
        String what = "`" + word + "` is about you or your workspace alone, so I only answer it in private: ";
        return switch (surface) {
            case SLACK ->
                what + "type `/architect " + word + "` (I answer in a direct message), or message me directly.";
            case TEAMS -> what + "open a personal chat with me and type " + word + ".";
            case CLI -> what + "run it from the command line.";
        };
    }
}
