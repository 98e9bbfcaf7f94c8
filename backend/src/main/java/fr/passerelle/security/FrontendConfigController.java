package fr.passerelle.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Session")
@RestController
class FrontendConfigController {
    private final FrontendProperties properties;

    FrontendConfigController(FrontendProperties properties) {
        this.properties = properties;
    }

    /** Public: the login settings of the single-page app. */
    @Operation(
            operationId = "frontendConfig",
            summary = "The web app's login settings",
            description = "Public: the identity server, realm and client the web app logs in with.")
    @GetMapping("/api/config")
    FrontendProperties config() {
        return properties;
    }
}
