package com.architectbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.testing.Pictures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A picture is known by its bytes, never by the name or type it was sent under; the cap holds before buffering. */
class FileReadingTest {

    private static final FileReading<Picture> PICTURES = FileReading.pictures(InquiryRules.MAX_PICTURE_BYTES);

    private static InquiryFile file(String name) {
        return new InquiryFile(name, URI.create("slack-file:F1"), "image/png");
    }

    private static Picture read(String name, byte[] content) throws IOException {
        return PICTURES.read(new ByteArrayInputStream(content), file(name));
    }

    @Test
    void each_format_read_is_recognised_by_its_bytes_whatever_its_name() throws IOException {
        assertThat(read("orders.txt", Pictures.png()).mediaType()).isEqualTo("image/png");
        assertThat(read("orders.png", Pictures.jpeg()).mediaType()).isEqualTo("image/jpeg");
        assertThat(read("a", Pictures.gif()).mediaType()).isEqualTo("image/gif");
        assertThat(read("a", Pictures.webp()).mediaType()).isEqualTo("image/webp");
        assertThat(read("a", Pictures.pdf(1)).mediaType()).isEqualTo("application/pdf");
        assertThat(read("orders.png", Pictures.png()).name()).isEqualTo("orders.png");
    }

    @Test
    void an_html_page_named_png_an_svg_and_a_zip_are_refused_with_the_formats_read() {
        assertThatThrownBy(() -> read("diagram.png", Pictures.html()))
                .isInstanceOf(PermanentFailure.class)
                .extracting(e -> ((PermanentFailure) e).userMessage())
                .isEqualTo("diagram.png is not an image I can read: send PNG, JPEG, WebP, GIF or PDF.");
        assertThatThrownBy(() -> read("orders.svg", Pictures.svg()))
                .extracting(e -> ((PermanentFailure) e).userMessage())
                .isEqualTo("orders.svg is not an image I can read: send PNG, JPEG, WebP, GIF or PDF.");
        assertThatThrownBy(() -> read("diagram.zip", Pictures.zip()))
                .extracting(e -> ((PermanentFailure) e).userMessage())
                .asString()
                .startsWith("diagram.zip is not an image I can read");
    }

    @Test
    void an_empty_file_is_refused_and_asked_for_again() {
        assertThatThrownBy(() -> read("diagram.png", new byte[0]))
                .extracting(e -> ((PermanentFailure) e).userMessage())
                .isEqualTo("diagram.png is empty. Send the picture again.");
    }

    @Test
    void a_picture_over_the_cap_is_refused_after_reading_one_byte_past_it() {
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() { // a host that never stops sending
                    @Override
                    public int read() {
                        served.incrementAndGet();
                        return 0x89;
                    }
                };

        assertThatThrownBy(() -> PICTURES.read(endless, file("huge.png")))
                .extracting(e -> ((PermanentFailure) e).userMessage())
                .asString()
                .startsWith("huge.png is larger than 5 MB. Send a smaller picture");
        assertThat(served.get()).isEqualTo(InquiryRules.MAX_PICTURE_BYTES + 1L);
    }

    @Test
    void a_picture_without_a_name_is_named_neutrally_in_messages() {
        assertThatThrownBy(() -> read("", Pictures.html()))
                .extracting(e -> ((PermanentFailure) e).userMessage())
                .asString()
                .startsWith("The file you sent is not an image I can read");
    }
}
