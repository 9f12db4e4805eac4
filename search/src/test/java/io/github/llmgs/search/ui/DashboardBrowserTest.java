package io.github.llmgs.search.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.search.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (headless chromium): a small sweep's runs list and run page
 * with their images, then a search started while the page is open, followed live. The search is
 * LLM-GS against a loopback LLM that holds its answer until the test lets it go, so the run is
 * seen running before its first score, whatever the machine's speed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DashboardBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SEEDS = {
        "def run():\\n    while frontIsClear():\\n        move()\\n        pickMarker()\\n    turnLeft()",
        "def run():\\n    for _ in range(5):\\n        if markersPresent():\\n            pickMarker()\\n        move()",
        "def run():\\n    while noMarkersPresent():\\n        if frontIsClear():\\n            move()\\n        else:\\n            turnRight()\\n    pickMarker()",
    };

    @TempDir
    Path out;

    @Test
    void runsListRunPageAndALiveSearch() throws Exception {
        BrowserSupport.requireBrowser();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "sweep", "--tasks", "MazeSparse",
                "--methods", "hc", "--seeds", "0-1", "--budget", "300", "--backend", "cpu", "--out", out.toString());
        assertEquals(0, code);
        CountDownLatch answer = new CountDownLatch(1);
        try (MockWebServer llm = heldLlm(answer); UiProcess ui = new UiProcess(out)) {
            WebDriver driver = BrowserSupport.open(1200, 900);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                // the live list replaces a row's element when the row changes: a wait looks again
                wait.ignoring(StaleElementReferenceException.class);
                driver.get(ui.uri().toString());
                assertEquals(2, driver.findElements(By.cssSelector("#runs tbody tr")).size());
                assertTrue(driver.findElement(By.cssSelector(".sweeps a")).isDisplayed(), "the sweep is linked");

                driver.get(ui.uri().resolve("/run/MazeSparse/hc/0").toString());
                wait.until(d -> shown(d, "curve") && shown(d, "episode"));

                // a search starts while the list is open: its row appears without a reload
                driver.get(ui.uri().toString());
                marker(driver);
                StringWriter searchOut = new StringWriter();
                Thread search = new Thread(() -> Main.run(new PrintWriter(searchOut), new PrintWriter(searchOut), "search", "--task",
                        "Harvester", "--method", "llm-gs", "--llm-base-url", llm.url("/v1").toString(), "--llm-model", "fake-model",
                        "--llm-api-key-env", "LLMGS_TEST_UNSET_KEY", "--budget", "1500", "--backend", "cpu", "--out", out.toString()));
                search.start();
                By row = By.cssSelector("#runs tr[data-id='Harvester/llm-gs/0']");
                wait.until(d -> !d.findElements(row).isEmpty()
                        && d.findElement(row).findElement(By.cssSelector("td.status")).getText().equals("running"));
                assertEquals(3, driver.findElements(By.cssSelector("#runs tbody tr")).size());
                assertTrue(marked(driver), "the list was updated in place");

                // its page, opened before any program is scored, fills in as the search goes
                wait.until(d -> {
                    d.findElement(row).findElement(By.tagName("a")).click(); // again if the row was replaced meanwhile
                    return true;
                });
                wait.until(d -> d.getCurrentUrl().endsWith("/run/Harvester/llm-gs/0"));
                assertEquals("running", driver.findElement(By.id("live")).getAttribute("data-phase"));
                assertEquals("", driver.findElement(By.id("best")).getText());
                marker(driver);
                answer.countDown();
                wait.until(d -> !d.findElement(By.id("best")).getText().isEmpty());
                assertTrue(marked(driver), "the best score changed without a reload");
                new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> List.of("solved", "budget")
                        .contains(d.findElement(By.id("status")).getText()));
                wait.until(d -> shown(d, "curve") && shown(d, "episode")
                        && d.findElement(By.id("curve")).getAttribute("src").endsWith("e"));
                assertTrue(marked(driver), "finished without a reload");
                assertTrue(driver.findElement(By.id("program")).getText().startsWith("DEF run m("));
                assertEquals(1, driver.findElements(By.cssSelector("#events tr.end")).size(), "the end event was appended");
                search.join(30_000);
                assertTrue(searchOut.toString().contains("best"), searchOut.toString());
            } finally {
                driver.quit();
            }
        }
    }

    /** The image is loaded and decoded: a broken or empty one has naturalWidth 0. */
    static boolean shown(WebDriver d, String id) {
        WebElement img = d.findElement(By.id(id));
        Object ok = ((JavascriptExecutor) d).executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img);
        return Boolean.TRUE.equals(ok);
    }

    private static void marker(WebDriver d) {
        ((JavascriptExecutor) d).executeScript("window.__sameDocument = true");
    }

    private static boolean marked(WebDriver d) {
        return Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.__sameDocument === true"));
    }

    /** An OpenAI-compatible LLM on loopback whose chat answers (valid Karel Python) wait for {@code answer}. */
    private static MockWebServer heldLlm(CountDownLatch answer) throws Exception {
        AtomicInteger served = new AtomicInteger();
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if ("GET".equals(request.getMethod())) return new MockResponse().setBody("{\"data\":[{\"id\":\"fake-model\"}]}");
                answer.await(60, TimeUnit.SECONDS);
                int n;
                try {
                    n = JSON.readTree(request.getBody().readUtf8()).get("n").asInt(1);
                } catch (Exception e) {
                    return new MockResponse().setResponseCode(400);
                }
                StringBuilder choices = new StringBuilder();
                for (int k = 0; k < n; k++) {
                    if (k > 0) choices.append(',');
                    choices.append("{\"index\":").append(k).append(",\"message\":{\"role\":\"assistant\",\"content\":\"```python\\n")
                            .append(SEEDS[served.getAndIncrement() % SEEDS.length]).append("\\n```\"},\"finish_reason\":\"stop\"}");
                }
                return new MockResponse().setBody("{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[" + choices
                        + "],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":10,\"total_tokens\":20}}");
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        return server;
    }
}
