package dev.arbiter.cli.web;

import dev.arbiter.cli.CliBridge;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.eval.engine.EngineEnvironment;
import dev.arbiter.eval.engine.EvalRunner;
import dev.arbiter.eval.engine.RunOptions;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.task.CustomTask;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.report.ReportFixture;
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
import java.time.Instant;
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
    void theCompareTabGivesEveryFigureItsOwnSource() {
        app = new WebApp(dir.resolve("arbiter.db")).create().start("127.0.0.1", 0);
        browser.get("http://127.0.0.1:" + app.port() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.findElement(By.cssSelector("nav button[data-tab=compare]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#compare-form select option"), 20));
        new Select(browser.findElement(By.cssSelector("#compare-form select"))).selectByValue("gemma-3-27b");
        browser.findElement(By.cssSelector("#compare-form button[type=submit]")).click();
        WebElement gemma = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#comparison tbody tr")));
        // Google's MMLU with Google's card; the article's 78.7 and its MT-Bench 8.3 (Google publishes none) with the article
        assertThat(gemma.getText()).contains("78.6 (https://ai.google.dev/gemma/docs/core/model_card_3); article 78.7 (article:comparatif-llm-open-source-2026)",
                "-; article 8.3 (article:comparatif-llm-open-source-2026), no vendor figure (looked up: https://arxiv.org/abs/2503.19786");
    }

    @Test
    void theCompareRunsPageDrawsTheRadarTheTableAndTheAnswersSideBySide() throws IOException {
        Path store = dir.resolve("arbiter.db");
        ReportFixture.write(store);
        app = new WebApp(store).create().start("127.0.0.1", 0);
        browser.get("http://127.0.0.1:" + app.port() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.findElement(By.cssSelector("nav button[data-tab=runs]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#run-list tbody tr"), 4));
        for (String id : List.of(ReportFixture.QWEN, ReportFixture.HOUSE)) browser.findElement(By.cssSelector(".run-check[value='" + id + "']")).click();
        browser.findElement(By.id("compare-selected")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#runs-report table.claims tbody tr")));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return !!Chart.getChart(document.getElementById('report-radar'));")).isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector("#runs-report table.claims tbody tr")).getText()).contains("qwen2.5-7b", "74.2", "confirmed");
        assertThat(browser.findElements(By.cssSelector("#runs-report table.ranking tbody tr"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#runs-report table.answers tbody tr"))).hasSize(12);
        browser.findElement(By.cssSelector("#runs-report .failures-only")).click();
        assertThat(browser.findElements(By.cssSelector("#runs-report table.answers tbody tr"))).hasSize(7);  // q8 for A; B's seven
        WebElement q8 = browser.findElement(By.cssSelector("#runs-report table.answers tbody tr[data-sample=q8]"));
        assertThat(q8.getText()).contains("The answer is C").contains("<img src=x onerror=");  // B's hostile answer, shown as text
        browser.findElement(By.cssSelector("#runs-report .failures-only")).click();
        browser.findElement(By.cssSelector("#runs-report .disagree-only")).click();
        assertThat(browser.findElements(By.cssSelector("#runs-report table.answers tbody tr"))).hasSize(6);  // B's failures but q8, which both fail
        browser.findElement(By.cssSelector("#runs-report .disagree-only")).click();
        browser.findElement(By.cssSelector("#runs-report .failures-only")).click();
        browser.findElement(By.cssSelector("#runs-report input.search")).sendKeys("The answer is C");
        assertThat(browser.findElements(By.cssSelector("#runs-report table.answers tbody tr"))).hasSize(1);
        assertThat(js.executeScript("return window.__pwned === undefined ? null : window.__pwned;")).as("a hostile answer ran").isNull();
        assertThat(browser.findElements(By.cssSelector("img[src=x]"))).isEmpty();
        screenshot("compare-runs");
    }

    @Test
    void theSelfContainedReportFileDrawsItselfOfflineUnderItsOwnPolicy() throws IOException {
        Path store = dir.resolve("arbiter.db");
        ReportFixture.write(store);
        Path page = dir.resolve("report.html");
        CliBridge.Result r = CliBridge.run(List.of("report", ReportFixture.QWEN, ReportFixture.HOUSE, ReportFixture.BENCH, ReportFixture.PROBE,
                "--store", store.toString(), "--out", page.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        browser.get(page.toUri().toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // drawn at all means the three hash-pinned scripts ran under the page's Content-Security-Policy
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report table.claims")));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return !!Chart.getChart(document.getElementById('report-radar'));")).isEqualTo(true);
        assertThat(js.executeScript("return !!Chart.getChart(document.getElementById('bench-0'));")).isEqualTo(true);
        assertThat(browser.findElement(By.id("probes")).getText()).contains("goal_hijack", "LLM01:2025");
        assertThat(js.executeScript("return window.__pwned === undefined ? null : window.__pwned;")).as("a hostile answer ran").isNull();
        assertThat(browser.findElements(By.cssSelector("img[src=x]"))).isEmpty();
        long height = (Long) js.executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height + 100, 12000)));  // the whole page
        screenshot("multi-run-report");
    }

    @Test
    void theLiveViewFollowsARunningEval() throws IOException {
        Path store = dir.resolve("arbiter.db");
        Instant start = Instant.now().minusSeconds(5);
        try (RunStore writer = RunStore.open(store);
             dev.arbiter.eval.store.RunLease lease = writer.runLock(Clock.systemUTC()).acquire("live-run")) {  // as the eval holds it
            ReportFixture.start(writer, "live-run", "m", start);
            for (int i = 0; i < 3; i++) ReportFixture.answer(writer, "live-run", "m", start, i, i != 1, "A");
            app = new WebApp(store).create().start("127.0.0.1", 0);
            browser.get("http://127.0.0.1:" + app.port() + "/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.findElement(By.cssSelector("nav button[data-tab=runs]")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("live"))).click();
            wait.until(ExpectedConditions.textToBe(By.id("live-count"), "3 / 12 answers"));
            assertThat(browser.findElement(By.id("live-status")).getText()).startsWith("running");
            ReportFixture.answer(writer, "live-run", "m", start, 3, true, "A");
            wait.until(ExpectedConditions.textToBe(By.id("live-count"), "4 / 12 answers"));  // the next poll sees the new answer
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-metrics tbody"), "accuracy 0.7500"));
            // 3 of 4: each interval under its own name, the normal one as computed (past 1), Wilson's beside it
            assertThat(browser.findElement(By.cssSelector("#live-metrics thead")).getText())
                    .isEqualTo("metric value stderr normal 95% CI Wilson 95% CI n");
            assertThat(browser.findElement(By.cssSelector("#live-metrics tbody")).getText())
                    .contains("accuracy 0.7500 0.2500 [0.2600, 1.2400] [0.3006, 0.9544] 4");
            assertThat(browser.findElement(By.id("live-outcomes")).getText()).isEqualTo("4 scored, 0 unscored (0 errors), 8 still to come");
            screenshot("live");
        }
    }

    @Test
    void theLiveViewShowsABenchRunsLevelsAsTheyEnd() throws IOException {
        Path store = dir.resolve("arbiter.db");
        Instant start = Instant.now().minusSeconds(5);
        try (RunStore writer = RunStore.open(store)) {
            writer.insertRun(new dev.arbiter.eval.store.StoredRun("bench-live", "bench", "m", "http://127.0.0.1:1",
                    "bench:bench-live", "running", start, null, 8, 0, null, "{}", null));
            app = new WebApp(store).create().start("127.0.0.1", 0);
            browser.get("http://127.0.0.1:" + app.port() + "/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.findElement(By.cssSelector("nav button[data-tab=runs]")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("live"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-outcomes"), "no level has ended yet"));
            // what BenchSession stores when the first level ends: the record so far, status still running
            String level = "{\"concurrency\": 1, \"rate\": null, \"interrupted\": false, \"completed\": 4, \"failed\": 0,"
                    + " \"cancelled\": 0, \"errors\": {}, \"error_examples\": {}, \"duration_s\": 1.0,"
                    + " \"output_token_throughput\": 123.4, \"input_tokens\": 64, \"output_tokens\": 16, \"token_sources\": {},"
                    + " \"multi_token_chunk_requests\": 0, \"ttft_ms\": {\"mean\": 12.5, \"p50\": 12.5}, \"tpot_ms\": {\"mean\": 3.0, \"p50\": 3.0}}";
            writer.progressRun("bench-live", "{\"schema_version\": 1, \"run_id\": \"bench-live\", \"status\": \"running\","
                    + " \"started_at\": \"" + start + "\", \"levels\": [" + level + "]}");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-metrics tbody"), "concurrency 1"));
            assertThat(browser.findElement(By.cssSelector("#live-metrics tbody")).getText())
                    .contains("123.4 tok/s").contains("TTFT p50 12.5 ms").contains("4 ok, 0 failed");
            assertThat(browser.findElement(By.id("live-outcomes")).getText()).isEqualTo("1 level(s) done so far");
            screenshot("live-bench");
        }
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
