package com.architectbot.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.architectbot.core.InquiryRules;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Picture;
import com.architectbot.core.RetryableFailure;
import com.architectbot.testing.Pictures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A PDF reaches the model as its first page, drawn to a bounded image in memory, whatever the document claims. */
class PdfFirstPageTest {

    private final PdfFirstPage pages = new PdfFirstPage(InquiryRules.MAX_PICTURE_BYTES);

    private static Picture pdf(String name, byte[] bytes) {
        return new Picture(name, "application/pdf", bytes);
    }

    private static BufferedImage decoded(Picture picture) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(picture.bytes()));
    }

    private static boolean hasInk(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                if ((image.getRGB(x, y) & 0xffffff) < 0x808080) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void the_first_page_becomes_a_png_under_the_pdfs_name() throws IOException {
        Picture page = pages.render(pdf("design.pdf", Pictures.pdf(1)));

        assertThat(page.name()).isEqualTo("design.pdf");
        assertThat(page.mediaType()).isEqualTo("image/png");
        BufferedImage image = decoded(page);
        assertThat(Math.max(image.getWidth(), image.getHeight())).isBetween(1_000, PdfPageProcess.MAX_LONG_SIDE);
        assertThat(hasInk(image)).as("the page's line is drawn").isTrue();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a bound on a hang, not a benchmark
    void a_pdf_of_ten_thousand_pages_gives_its_first_page_only() throws IOException {
        byte[] document = Pictures.pdf(10_000);

        Picture page = pages.render(pdf("book.pdf", document));

        assertThat(document.length).isLessThan(InquiryRules.MAX_PICTURE_BYTES); // it would pass the download cap
        BufferedImage image = decoded(page);
        assertThat(image.getHeight()).isLessThanOrEqualTo(PdfPageProcess.MAX_LONG_SIDE);
        assertThat(hasInk(image)).as("page one's line is drawn").isTrue();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_page_of_a_hundred_thousand_points_square_is_drawn_at_the_bounded_size() throws IOException {
        Picture page = pages.render(pdf("huge.pdf", Pictures.pdfWithPage(100_000, 100_000)));

        BufferedImage image = decoded(page);
        assertThat(image.getWidth()).isEqualTo(PdfPageProcess.MAX_LONG_SIDE);
        assertThat(image.getHeight()).isEqualTo(PdfPageProcess.MAX_LONG_SIDE);
    }

    @Test
    void a_password_protected_pdf_is_refused_with_what_to_send_instead() {
        assertThatThrownBy(() -> pages.render(pdf("secret.pdf", Pictures.encryptedPdf())))
                .isInstanceOf(PermanentFailure.class)
                .extracting(e -> ((PermanentFailure) e).userMessage())
                .asString()
                .startsWith("secret.pdf is password-protected")
                .contains("screenshot");
    }

    @Test
    void a_broken_pdf_is_refused_with_what_to_send_instead() {
        byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> pages.render(pdf("broken.pdf", broken)))
                .isInstanceOf(PermanentFailure.class)
                .extracting(e -> ((PermanentFailure) e).userMessage())
                .isEqualTo("broken.pdf could not be read as a PDF. Send a PNG or JPEG screenshot of the page instead.");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_decompression_bomb_is_refused_and_only_the_child_runs_out_of_memory() {
        byte[] bomb = HostilePdfs.decompressionBomb(12_000); // 432 MB decoded, in a file far under the download cap

        assertThat(bomb.length).isLessThan(InquiryRules.MAX_PICTURE_BYTES);
        assertThatThrownBy(() -> pages.render(pdf("diagram.pdf", bomb)))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("ran out of its " + PdfFirstPage.CHILD_HEAP + " heap")
                .extracting(e -> ((PermanentFailure) e).userMessage())
                .isEqualTo(
                        "diagram.pdf could not be read as a PDF. Send a PNG or JPEG screenshot of the page instead.");
        // the bot's JVM is still here, and still draws PDFs
        assertThat(pages.render(pdf("design.pdf", Pictures.pdf(1))).mediaType()).isEqualTo("image/png");
    }

    @Test
    @Timeout(
            value = 30,
            unit = TimeUnit.SECONDS) // the child is killed at 4 s; this bounds the test, it is no benchmark
    void a_pdf_that_draws_forever_is_killed_at_the_time_limit_with_a_clear_reply() {
        PdfFirstPage limited = new PdfFirstPage(InquiryRules.MAX_PICTURE_BYTES, Duration.ofSeconds(4));

        assertThatThrownBy(() -> limited.render(pdf("forms.pdf", HostilePdfs.nestedForms())))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("not drawn within 4000 ms")
                .extracting(e -> ((PermanentFailure) e).userMessage())
                .isEqualTo("forms.pdf could not be read as a PDF. Send a PNG or JPEG screenshot of the page instead.");
    }

    @Test
    void the_child_gets_none_of_the_bots_environment_and_a_bounded_heap() {
        ProcessBuilder child = PdfFirstPage.command(InquiryRules.MAX_PICTURE_BYTES, Path.of("/tmp/pdf-page-home"));

        assertThat(System.getenv()).as("the bot has an environment to keep").isNotEmpty();
        assertThat(child.environment()).isEmpty();
        assertThat(child.command())
                .contains("-Xmx" + PdfFirstPage.CHILD_HEAP, "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true")
                .contains("-Duser.home=/tmp/pdf-page-home")
                .endsWith(PdfPageProcess.class.getName(), Integer.toString(InquiryRules.MAX_PICTURE_BYTES));
        assertThat(child.redirectError()).isEqualTo(ProcessBuilder.Redirect.DISCARD);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void an_interrupted_worker_kills_the_child_and_is_told_to_try_again_later() throws InterruptedException {
        PdfFirstPage patient = new PdfFirstPage(InquiryRules.MAX_PICTURE_BYTES, Duration.ofMinutes(10));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                patient.render(pdf("forms.pdf", HostilePdfs.nestedForms()));
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        worker.start();
        ProcessHandle child = await().atMost(Duration.ofSeconds(20))
                .until(PdfFirstPageTest::renderer, Optional::isPresent)
                .orElseThrow();

        worker.interrupt();
        worker.join();

        assertThat(thrown.get()).isInstanceOf(RetryableFailure.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> !child.isAlive());
    }

    /** A child running the test's own java: the renderer (embedded Redis runs another binary). */
    private static Optional<ProcessHandle> renderer() {
        return ProcessHandle.current()
                .children()
                .filter(child -> child.info()
                        .command()
                        .equals(ProcessHandle.current().info().command()))
                .findFirst();
    }
}
