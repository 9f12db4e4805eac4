package io.github.llmgs.search.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromedriver for the browser tests, or why they cannot run: outside CI a
 * missing browser skips the test with the reason; under CI ({@code CI=true}, or
 * {@code LLMGS_REQUIRE_BROWSER=1} as {@code .ci/run} sets) it fails, so the browser test never
 * skips silently where chromium is supposed to be installed.
 */
final class BrowserSupport {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private BrowserSupport() {}

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("LLMGS_REQUIRE_BROWSER"));
    }

    static void requireBrowser() {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " is missing"
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER + " is missing" : null;
        String reason = "no browser for the dashboard test: " + missing;
        if (missing != null && required()) fail(reason + " (under CI it must run: apt-get install chromium chromium-driver)");
        Assumptions.assumeTrue(missing == null, reason);
    }

    /**
     * Headless chromium driven through the installed chromedriver (so Selenium fetches no driver),
     * with its background network traffic off: the test touches loopback only.
     */
    static WebDriver open(int width, int height) {
        requireBrowser();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-extensions", "--disable-sync",
                "--metrics-recording-only", "--no-proxy-server", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
