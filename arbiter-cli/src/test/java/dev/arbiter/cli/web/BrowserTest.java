package dev.arbiter.cli.web;

import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.eval.engine.EngineEnvironment;
import dev.arbiter.eval.engine.EvalRunner;
import dev.arbiter.eval.engine.RunOptions;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.task.CustomTask;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Ticker;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The UI in real headless Chromium (Debian's chromium and chromedriver, never a downloaded driver): the recommender
 * form gives a ranked list, and a report holding a hostile answer runs none of it. Skipped, with how to run it, where
 * the browser is not installed; .ci/run installs it. Screenshots go to target/.
 */
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String HOSTILE = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";

    @TempDir Path dir;
    Javalin app;
    ChromeDriver browser;

    @BeforeEach
    void start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium not installed: apt-get install chromium chromium-driver (as .ci/run does) to run the browser test");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--user-data-dir=" + dir.resolve("chrome-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (app != null) app.stop();
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(shot.toPath(), target.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theRecommenderFormShowsARankedShortlist() throws IOException {
        app = new WebApp(dir.resolve("arbiter.db")).create().start("127.0.0.1", 0);
        browser.get("http://127.0.0.1:" + app.port() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#models tbody tr"), 20));
        browser.findElement(By.cssSelector("nav button[data-tab=recommend]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#recommend .hardware-select option"), 5));
        new Select(browser.findElement(By.cssSelector("#recommend .hardware-select"))).selectByValue("rtx-4090");
        new Select(browser.findElement(By.name("use_case"))).selectByVisibleText("code");
        browser.findElement(By.id("recommend-go")).click();
        List<WebElement> ranked = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#recommendations li"), 2));
        assertThat(ranked.get(0).getText()).startsWith("1").contains("Q");
        screenshot("recommend");
    }

    @Test
    void aReportWithAHostileAnswerRunsNothing() throws IOException {
        Path store = dir.resolve("arbiter.db");
        Path data = Files.writeString(dir.resolve("q.jsonl"), "{\"id\": \"h1\", \"input\": \"say hi\", \"target\": \"hi\"}\n");
        String runId;
        try (ScriptedLlmServer server = ScriptedLlmServer.start(r -> Reply.text(HOSTILE));
             RunStore s = RunStore.open(store);
             ModelClient client = ModelClients.create(server.endpoint(), Ticker.system())) {
            var task = new CustomTask(null, null, p -> { }).create(new TaskParams(data, null, null, null, "exact", List.of(), null,
                    Map.of()));
            RunRecord r = new EvalRunner(s, new EngineEnvironment(Clock.systemUTC(), Ticker.system(), n -> { }, new SplittableRandom(1),
                    () -> "hostile-run"), null).run(task, server.endpoint(), client, RunOptions.builder(dir.resolve("runs")).cache(false).build());
            runId = r.runId();
        }
        app = new WebApp(store).create().start("127.0.0.1", 0);
        browser.get("http://127.0.0.1:" + app.port() + "/runs/" + runId);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("table")));
        Object pwned = ((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined ? null : window.__pwned;");
        assertThat(pwned).as("the hostile answer ran").isNull();
        assertThat(browser.findElements(By.cssSelector("img[src=x]"))).isEmpty();
        assertThat(browser.getPageSource()).contains("&lt;img src=x");
        screenshot("hostile-report");
    }
}
