package fr.passerelle.security;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FrontendConfigController {
    private final FrontendProperties properties;

    FrontendConfigController(FrontendProperties properties) {
        this.properties = properties;
    }

    /** Public: the login settings of the single-page app. */
    @GetMapping("/api/config")
    FrontendProperties config() {
        return properties;
    }
}
