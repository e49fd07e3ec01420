package io.railcast.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The whole server on a random port with a small demo network ({@value ServerClients#DEMO_STATIONS} stations,
 * {@value ServerClients#DEMO_SCREENS} screens, {@value ServerClients#DEMO_CAMPAIGNS} campaigns) planned 24 h ahead,
 * the demo users, and a media limit of {@value ServerClients#MAX_MEDIA_BYTES} bytes: one list of settings for every
 * test server, so that they cannot drift apart. Each base class adds its own database and media directories.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
        classes = RailCastServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "railcast.database.embedded.durable=false",
            "railcast.security.admin-password=" + ServerClients.PASSWORD,
            "railcast.demo.stations=" + ServerClients.DEMO_STATIONS,
            "railcast.demo.screens=" + ServerClients.DEMO_SCREENS,
            "railcast.demo.campaigns=" + ServerClients.DEMO_CAMPAIGNS,
            "railcast.demo.users-password=" + ServerClients.DEMO_PASSWORD,
            "railcast.planning.horizon-hours=24",
            "railcast.media.max-size=" + ServerClients.MAX_MEDIA_BYTES + "B",
            // the hourly make-good run would publish versions for whatever test campaign owes plays, at whatever
            // moment of the suite it fires: tests run it on demand (POST /api/v1/make-goods/run) instead
            "railcast.make-goods.cron=0 0 0 1 1 ? 2099",
            // as behind a proxy: a test that locks out a source address names its own in X-Forwarded-For, so the
            // loopback address every other test signs in from is never locked out
            "server.forward-headers-strategy=native"
        })
@AutoConfigureWebTestClient(timeout = "60s")
// a test that fails by waiting too long prints every thread first (a stall is then named in the run that saw it)
@ExtendWith(StallReport.class)
public @interface SmallDemoServer {}
