package com.architectbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PerSurfaceTest {

    @Test
    void each_surface_finds_its_own_and_only_its_own() {
        // given
        PerSurface<String> names = new PerSurface<>("name");
        names.register(Surface.SLACK, "slack's");
        names.register(Surface.TEAMS, "teams'");
        // then
        assertThat(names.of(Surface.TEAMS)).contains("teams'");
        assertThat(names.of(Surface.CLI)).isEmpty();
        assertThat(names.registered()).isEqualTo(Set.of(Surface.SLACK, Surface.TEAMS));
    }

    @Test
    void a_second_one_for_a_surface_is_refused_and_the_first_kept() {
        PerSurface<String> names = new PerSurface<>("name");
        names.register(Surface.SLACK, "first");
        assertThatThrownBy(() -> names.register(Surface.SLACK, "second"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a name for slack is already registered");
        assertThat(names.of(Surface.SLACK)).contains("first");
    }

    @Test
    void a_second_file_source_for_a_surface_is_refused() {
        FileSources files = new FileSources().register(Surface.SLACK, (file, thread) -> null);
        assertThatThrownBy(() -> files.register(Surface.SLACK, (file, thread) -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a file source for slack is already registered");
    }

    @Test
    void a_file_from_a_surface_without_a_source_is_a_permanent_failure_asking_for_package_names() {
        FileSources files = new FileSources().register(Surface.SLACK, (file, thread) -> null);
        ThreadKey teams = new ThreadKey(Surface.TEAMS, "T1", "C1", "1");
        assertThatThrownBy(() -> files.fetch(null, teams))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("no file source is registered for teams (registered: [SLACK])")
                .satisfies(e -> assertThat(((PermanentFailure) e).userMessage())
                        .isEqualTo(
                                "I can't read files sent on teams right now. Please paste the package names instead."));
    }
}
