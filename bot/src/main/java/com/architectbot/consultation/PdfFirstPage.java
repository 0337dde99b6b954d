package com.architectbot.consultation;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Picture;
import com.architectbot.core.PictureFormat;
import com.architectbot.core.RetryableFailure;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A PDF the user sent, as the picture a model can read: its first page as a PNG, drawn by a child JVM
 * ({@link PdfPageProcess}) that cannot hurt the bot. A PDF built to exhaust memory ends the child at
 * {@value #CHILD_HEAP} of heap, one built to draw forever is killed after the time limit (or when the worker is
 * interrupted), and the child sees none of the bot's environment: an empty one, and a temporary directory of its own
 * as its home. Whatever goes wrong, the user is told the PDF could not be read, and what to send instead.
 */
final class PdfFirstPage {

    /** The child's heap: a page of 2,000 px and PDFBox's 64 MiB scratch fit, a decompression bomb does not. */
    static final String CHILD_HEAP = "256m";
    /** How long the child may take, start-up included, before it is killed. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(15);

    /** What the JVM exits with after {@code -XX:+ExitOnOutOfMemoryError}. */
    private static final int OUT_OF_MEMORY = 3;
    /** How long the child's output may take to end once it has exited. */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);
    /**
     * Children drawing at once in this process: each may take its whole heap beside the bot's, and the container's
     * memory is sized for the bot; more PDFs wait their turn (within their job's deadline, which interrupts them).
     */
    private static final Semaphore RENDERS = new Semaphore(1);

    private final int maxBytes;
    private final Duration limit;

    /** @param maxBytes the largest picture handed on; a rendered page over it is sent as JPEG instead */
    PdfFirstPage(int maxBytes) {
        this(maxBytes, TIME_LIMIT);
    }

    PdfFirstPage(int maxBytes, Duration limit) {
        this.maxBytes = maxBytes;
        this.limit = limit;
    }

    /**
     * The first page as a PNG (or JPEG when the PNG would be over the cap), under the PDF's name.
     *
     * @throws PermanentFailure when the PDF is password-protected, broken, empty, its page has no size, or drawing it
     *     takes too much memory or time
     * @throws RetryableFailure when the worker is interrupted while the page is drawn
     */
    Picture render(Picture pdf) {
        try {
            RENDERS.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while waiting to draw the first page of " + pdf, e);
        }
        try {
            return renderAlone(pdf);
        } finally {
            RENDERS.release();
        }
    }

    private Picture renderAlone(Picture pdf) {
        Path home = null;
        Process child = null;
        try {
            home = Files.createTempDirectory("pdf-page");
            child = command(maxBytes, home).start();
            return picture(pdf, child);
        } catch (IOException e) {
            throw unreadable(pdf, "the renderer could not run: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while drawing the first page of " + pdf, e);
        } finally {
            if (child != null) {
                child.descendants().forEach(ProcessHandle::destroyForcibly);
                child.destroyForcibly();
            }
            delete(home);
        }
    }

    /**
     * The child's command: the bot's own java and classpath, small fixed limits, quick start (C1 only, serial GC),
     * no display, an empty environment, {@code home} as its home and temporary directory; its errors are discarded.
     */
    static ProcessBuilder command(int maxBytes, Path home) {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(List.of(
                java,
                "-Xmx" + CHILD_HEAP,
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-Djava.awt.headless=true",
                "-Duser.home=" + home,
                "-Djava.io.tmpdir=" + home,
                "-cp",
                System.getProperty("java.class.path"),
                PdfPageProcess.class.getName(),
                Integer.toString(maxBytes)));
        builder.environment().clear();
        builder.directory(home.toFile());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder;
    }

    private Picture picture(Picture pdf, Process child) throws InterruptedException {
        Thread.ofVirtual().start(() -> feed(pdf.bytes(), child.getOutputStream()));
        FutureTask<byte[]> output = new FutureTask<>(() -> readBounded(child.getInputStream()));
        Thread.ofVirtual().start(output);
        if (!child.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw unreadable(pdf, "not drawn within " + limit.toMillis() + " ms", null);
        }
        int code = child.exitValue();
        if (code != PdfPageProcess.Exit.RENDERED.code) {
            throw failed(pdf, code);
        }
        byte[] page = outputOf(pdf, output);
        return PictureFormat.of(page)
                .filter(format -> format == PictureFormat.PNG || format == PictureFormat.JPEG)
                .map(format -> new Picture(pdf.name(), format.mediaType(), page))
                .orElseThrow(() -> unreadable(pdf, "the renderer wrote " + page.length + " bytes of no picture", null));
    }

    private byte[] outputOf(Picture pdf, FutureTask<byte[]> output) throws InterruptedException {
        try {
            return output.get(OUTPUT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw unreadable(pdf, "the renderer's output was unreadable or over " + maxBytes + " bytes", e);
        }
    }

    /** Hands the PDF to the child; a child that died before reading it all is judged by its exit, not here. */
    private static void feed(byte[] pdf, OutputStream stdin) {
        try (stdin) {
            stdin.write(pdf);
        } catch (IOException e) {
            // the child is gone: its exit code says why
        }
    }

    private byte[] readBounded(InputStream stdout) throws IOException {
        try (stdout) {
            byte[] page = stdout.readNBytes(maxBytes + 1);
            if (page.length > maxBytes) {
                throw new IOException("over " + maxBytes + " bytes");
            }
            return page;
        }
    }

    private static PermanentFailure failed(Picture pdf, int code) {
        if (code == PdfPageProcess.Exit.ENCRYPTED.code) {
            return new PermanentFailure(
                    pdf.displayName() + " is password-protected, so I can't open it. Send it without the password, "
                            + "or a screenshot of the page.",
                    "PDF " + pdf + " is encrypted",
                    null);
        }
        String why = code == OUT_OF_MEMORY
                ? "the renderer ran out of its " + CHILD_HEAP + " heap"
                : PdfPageProcess.Exit.of(code).map(exit -> exit.why).orElse("the renderer exited with " + code);
        return unreadable(pdf, why, null);
    }

    private static PermanentFailure unreadable(Picture pdf, String why, Throwable cause) {
        return new PermanentFailure(
                pdf.displayName() + " could not be read as a PDF. Send a PNG or JPEG screenshot of the page instead.",
                "PDF " + pdf + ": " + why,
                cause);
    }

    private static void delete(Path home) {
        if (home == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind holds no part of the PDF: at most PDFBox's font cache
        }
    }
}
