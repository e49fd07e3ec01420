package io.railcast.server.user;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small OpenID Connect provider for tests, on a random port of the loopback address: discovery, a JWKS with one
 * RSA key made at start, an authorization endpoint that signs in whoever its form names (a {@code POST} of the
 * authorization request's parameters and {@code username}, as a browser submits a provider's sign-in form), and a
 * token endpoint that checks the client's secret and the code, and answers with an ID token signed with RS256 that
 * carries {@code preferred_username}, the request's nonce and the user's {@code groups}.
 */
final class TestIssuer implements AutoCloseable {

    static final String CLIENT_ID = "railcast";
    static final String CLIENT_SECRET = "issuer-test-secret";

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, 200, discovery()));
        server.createContext("/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    /** The issuer's URI, as its discovery document and tokens name it. */
    String uri() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A user this provider signs in, with the values of their {@code groups} claim. */
    void user(String username, List<String> userGroups) {
        groups.put(username, userGroups);
    }

    private Map<String, Object> discovery() {
        return Map.of(
                "issuer", uri(),
                "authorization_endpoint", uri() + "/authorize",
                "token_endpoint", uri() + "/token",
                "jwks_uri", uri() + "/jwks",
                "response_types_supported", List.of("code"),
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"),
                "token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
    }

    /** The submitted sign-in form: back to the client's redirect URI with a one-time code, or 401 for a stranger. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        if (!"POST".equals(exchange.getRequestMethod()) || !groups.containsKey(form.get("username"))) {
            answer(exchange, 401, Map.of("error", "access_denied"));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, form);
        exchange.getResponseHeaders()
                .set(
                        "Location",
                        form.get("redirect_uri") + "?code=" + code + "&state="
                                + URLEncoder.encode(form.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic "
                + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = form(exchange);
        Map<String, String> request = codes.remove(String.valueOf(form.get("code")));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || request == null
                || !request.get("redirect_uri").equals(form.get("redirect_uri"))) {
            answer(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        String username = request.get("username");
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(uri())
                .subject("sub-" + username)
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", request.get("nonce"))
                .claim("preferred_username", username)
                .claim("groups", groups.get(username))
                .build();
        SignedJWT idToken = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            idToken.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        answer(
                exchange,
                200,
                Map.of(
                        "access_token",
                        UUID.randomUUID().toString(),
                        "token_type",
                        "Bearer",
                        "expires_in",
                        300,
                        "scope",
                        "openid profile",
                        "id_token",
                        idToken.serialize()));
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The parameters of the authorization request a client sent the browser to. */
    static Map<String, String> query(URI location) {
        Map<String, String> query = new HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            query.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
