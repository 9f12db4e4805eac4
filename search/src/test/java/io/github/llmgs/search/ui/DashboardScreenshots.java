package io.github.llmgs.search.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's screenshots, taken by hand (never by CI) over a real sweep:
 * {@code mvn -B -q -o test -pl search -am -Dtest=DashboardScreenshots -Dsurefire.failIfNoSpecifiedTests=false
 * -Dllmgs.screenshots.out=/tmp/uidata -Dllmgs.screenshots.run=Harvester/shc/0 -Dllmgs.screenshots.to=$PWD/docs}.
 */
@EnabledIfSystemProperty(named = "llmgs.screenshots.out", matches = ".+")
class DashboardScreenshots {
    @Test
    void take() throws Exception {
        Path out = Path.of(System.getProperty("llmgs.screenshots.out"));
        String run = System.getProperty("llmgs.screenshots.run", "Harvester/shc/0");
        Path to = Path.of(System.getProperty("llmgs.screenshots.to", "docs"));
        try (UiServer server = UiServer.start(new ServedDir(out), "127.0.0.1", 0)) {
            shoot(server, "/", 1100, 620, to.resolve("ui-runs.png"));
            shoot(server, "/run/" + run + "?instance=1", 1100, 1900, to.resolve("ui-run.png"));
        }
    }

    private static void shoot(UiServer server, String path, int width, int height, Path file) throws Exception {
        WebDriver driver = BrowserSupport.open(width, height);
        try {
            driver.get(server.uri().resolve(path).toString());
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(org.openqa.selenium.By.tagName("img")).stream()
                    .allMatch(img -> img.isDisplayed() ? Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img)) : true));
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(file.getParent());
            Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
            // the driver's temporary file is owner-only; a picture for the README is not
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } finally {
            driver.quit();
        }
    }
}
