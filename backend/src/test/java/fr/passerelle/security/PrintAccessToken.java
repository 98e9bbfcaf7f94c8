package fr.passerelle.security;

/**
 * Prints a demo user's access token, logging in to the demo realm as the web app does
 * ({@link KeycloakLogin}): for the scripts that call the running service (infra/benchmark-dashboard.sh).
 * Arguments: issuer, username, password.
 */
public final class PrintAccessToken {
    private PrintAccessToken() {}

    public static void main(String[] args) {
        System.out.println(
                KeycloakLogin.accessToken(args[0], "passerelle-web", "http://localhost:8080/", args[1], args[2]));
    }
}
