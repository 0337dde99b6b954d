package com.architectbot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.teams.TeamsSettings;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedHostsTest {

    private static final AllowedHosts DEFAULT_FILES =
            AllowedHosts.parse("TEAMS_FILE_HOSTS", TeamsSettings.DEFAULT_FILE_HOSTS);

    @ParameterizedTest
    @CsvSource({
        "https://contoso-my.sharepoint.com.evil.example/x, host contoso-my.sharepoint.com.evil.example is not in TEAMS_FILE_HOSTS",
        "https://sharepoint.com/x, host sharepoint.com is not in TEAMS_FILE_HOSTS",
        "http://contoso-my.sharepoint.com/x, http://contoso-my.sharepoint.com is not https",
        "https://ada@contoso-my.sharepoint.com/x, the URL has no plain host",
        "https://127.0.0.1:8080/x, host 127.0.0.1 is not in TEAMS_FILE_HOSTS",
        "http://169.254.169.254/latest/meta-data, host 169.254.169.254 is not in TEAMS_FILE_HOSTS",
        "file:///etc/passwd, the URL has no plain host"
    })
    void urls_outside_the_default_file_hosts_are_refused_by_name(String url, String reason) {
        assertThat(DEFAULT_FILES.refusal(URI.create(url))).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"localhost", "169.254.169.254", "10.0.0.8", "192.168.1.1", "100.64.0.1", "[::1]", "[fd00::1]"})
    void a_listed_host_that_resolves_to_a_non_public_address_is_refused(String host) {
        AllowedHosts hosts = AllowedHosts.parse("TEAMS_FILE_HOSTS", host);

        assertThat(hosts.refusal(URI.create("https://" + host + "/file")))
                .contains("host " + host + " resolves to a non-public address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://contoso-my.sharepoint.com./x", "HTTPS://Contoso-My.SharePoint.com/x"})
    void a_listed_host_is_allowed_by_name_however_it_is_spelled(String url) {
        assertThat(DEFAULT_FILES.refusalByName(URI.create(url))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://8.8.8.8/x", "https://[2001:4860:4860::8888]/x"})
    void a_listed_public_address_is_allowed(String url) {
        AllowedHosts hosts = AllowedHosts.parse("TEAMS_FILE_HOSTS", "8.8.8.8, [2001:4860:4860::8888]");

        assertThat(hosts.refusal(URI.create(url))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:4000/x, true", "https://127.0.0.1/x, true", "http://localhost:4000/x, false"})
    void a_local_entry_allows_plain_http_to_exactly_that_host(String url, boolean allowed) {
        AllowedHosts hosts = AllowedHosts.parse("TEAMS_FILE_HOSTS", "http://127.0.0.1");

        assertThat(hosts.refusal(URI.create(url)).isEmpty()).isEqualTo(allowed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://x.example", "*.", "http://*.example.com", "host/path", "a b"})
    void a_malformed_entry_fails_naming_the_variable(String entry) {
        assertThatThrownBy(() -> AllowedHosts.parse("TEAMS_CONNECTOR_HOSTS", entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TEAMS_CONNECTOR_HOSTS entry '" + entry + "' is not valid");
    }
}
