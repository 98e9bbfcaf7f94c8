package fr.passerelle.status.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The status links (application.yml, {@code passerelle.status}).
 *
 * @param appUrl  the web app's public address, for the links given to applicants
 * @param linkKey the key sealing each link's token and code so staff can show them again; blank: a random
 *                key per start (a link given before a restart still opens but cannot be shown again)
 */
@ConfigurationProperties("passerelle.status")
record StatusProperties(
        @DefaultValue("http://localhost:8080") String appUrl, String linkKey) {

    /** {@link #appUrl} without a trailing slash. */
    String appBase() {
        return appUrl.replaceAll("/+$", "");
    }
}
