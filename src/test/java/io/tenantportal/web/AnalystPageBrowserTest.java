package io.tenantportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasPermissions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.support.SignInTest;
import io.tenantportal.support.TestTokens;

/**
 * A real browser (Debian's chromium through Debian's chromedriver, headless) clicks through sign-in
 * and the analyst page. Chromium resolves no host name but localhost, so following a portal link
 * ends at its exact Microsoft URL without a byte leaving the machine.
 */
@QuarkusTest
class AnalystPageBrowserTest extends SignInTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String NORTHWIND = "5e0d9c8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b";
    static final String TAILSPIN = "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";
    static final String ADATUM_FOR_NORTHWIND = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    /** The test drives the browser through WebDriver only; Selenium's note that no CDP matches is noise. */
    static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger
            .getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static Path profile;
    static WebDriver browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startChromium() throws IOException {
        // A newcomer's machine may lack the browser; CI installs it and must never skip this test.
        boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        Assumptions.assumeTrue(installed || System.getenv("CI") != null,
                "skipped: install Debian's chromium and chromium-driver (.ci/run does) to run the browser test");
        CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
        profile = Files.createTempDirectory("tenant-portal-chromium");
        // Selenium Manager must not look for (or download) a driver or browser: both are given.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile == null) {
            return;
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @BeforeEach
    void customersAndNoSession() {
        createContoso();
        createCustomer(TestTokens.ALPHA, NORTHWIND, "Northwind Traders", "northwind.example", null,
                List.of("northwind.example"), List.of());
        createCustomer(TestTokens.ALPHA, TAILSPIN, "Tailspin <b>Toys</b> & Co", null, null, List.of(), List.of());
        // Cookies are deleted for the page's site only: be on ours (a page that needs no session).
        browser.get(root + "signed-out");
        browser.manage().deleteAllCookies();
    }

    @Test
    void ticketLinkClickedWhileSignedOutEndsOnThePortalAfterOneSignIn() {
        browser.get(root + "tenants/Contoso/portal?portal=entra");

        signInAtTheIdentityProvider();

        waitForUrl("https://entra.microsoft.com/" + CONTOSO);
    }

    @Test
    void analystSearchesAndFollowsAPortalButton() {
        openThePageSignedIn();
        waitForResults(3);

        search("north");
        List<WebElement> rows = waitForResults(1);
        assertEquals("Northwind Traders", rows.get(0).findElement(By.className("name")).getText());
        assertEquals("northwind.example", rows.get(0).findElement(By.className("domain")).getText());
        assertEquals(NORTHWIND, rows.get(0).findElement(By.className("tid")).getText());
        // Exchange, Teams and SharePoint admin need an initial domain, which Northwind lacks: no link to a
        // 409, and a visible reason that also describes each unavailable button to a screen reader.
        assertTrue(rows.get(0).findElements(By.cssSelector("a[data-portal=exchange]")).isEmpty());
        List<WebElement> unavailable = rows.get(0).findElements(By.cssSelector(".portal.disabled"));
        assertEquals(List.of("Exchange", "Teams", "SharePoint admin"),
                unavailable.stream().map(WebElement::getText).toList());
        for (WebElement portal : unavailable) {
            assertEquals("true", portal.getDomAttribute("aria-disabled"));
            WebElement why = browser.findElement(By.id(portal.getDomAttribute("aria-describedby")));
            assertTrue(why.isDisplayed());
            assertEquals("Exchange, Teams and SharePoint admin need the customer’s initial (onmicrosoft.com) domain, "
                    + "which is not known.", why.getText());
            assertTrue(contrast(portal) >= 4.5, "contrast " + contrast(portal));
        }
        // the test profile's custom portal names the default domain, which Northwind has
        assertEquals(root + "tenants/" + NORTHWIND + "/portal?portal=runbook", rows.get(0)
                .findElement(By.cssSelector("a[data-portal=runbook]")).getDomProperty("href"));
        assertNoAccessibilityViolations("a list of results");

        rows.get(0).findElement(By.cssSelector("a[data-portal=intune]")).click();

        waitForUrl("https://intune.microsoft.com/" + NORTHWIND);
    }

    @Test
    void theSearchStaysInTheAddressSoBackFromAPortalReturnsToIt() {
        openThePageSignedIn();
        waitForResults(3);
        search("north");
        waitForResults(1);
        wait(ExpectedConditions.urlToBe(root + "?q=north"));

        waitForResults(1).get(0).findElement(By.cssSelector("a[data-portal=defender]")).click();
        waitForUrl("https://security.microsoft.com/?tid=" + NORTHWIND);
        browser.navigate().back();

        assertEquals("Northwind Traders", waitForResults(1).get(0).findElement(By.className("name")).getText());
        assertEquals("north", browser.findElement(By.id("q")).getDomProperty("value"));
    }

    @Test
    void copyPutsTheTenantIdOnTheClipboardOrSelectsIt() {
        openThePageSignedIn();
        search("north");
        WebElement row = waitForResults(1).get(0);

        ((HasPermissions) browser).setPermission("clipboard-read", "granted");

        row.findElement(By.className("copy")).click();

        String copied = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const selected = window.getSelection().toString();
                if (selected) { done('selected:' + selected); return; }
                navigator.clipboard.readText().then(t => done('clipboard:' + t), e => done('unreadable:' + e));""");
        assertTrue(copied.equals("selected:" + NORTHWIND) || copied.equals("clipboard:" + NORTHWIND), copied);
    }

    @Test
    void enterOpensTheCustomerNamedExactlyEvenWhenAnotherComesFirstByName() {
        createCustomer(TestTokens.ALPHA, ADATUM_FOR_NORTHWIND, "Adatum for Northwind Traders");
        openThePageSignedIn();
        search("Northwind Traders");
        List<WebElement> rows = waitForResults(2);
        assertEquals("Northwind Traders", rows.get(0).findElement(By.className("name")).getText());

        // Compared by the name key: width, case and white space do not matter.
        browser.findElement(By.id("q")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "  ＮＯＲＴＨＷＩＮＤ   traders ", Keys.ENTER);

        waitForUrl("https://security.microsoft.com/?tid=" + NORTHWIND);
    }

    @Test
    void enterOpensAnExactDomainOrTheOnlyHit() {
        openThePageSignedIn();

        browser.findElement(By.id("q")).sendKeys("contoso.com", Keys.ENTER);
        waitForUrl("https://security.microsoft.com/?tid=" + CONTOSO);

        browser.navigate().back();
        wait(ExpectedConditions.urlToBe(root + "?q=contoso.com"));
        search("tailsp");
        waitForResults(1);
        browser.findElement(By.id("q")).sendKeys(Keys.ENTER);
        waitForUrl("https://security.microsoft.com/?tid=" + TAILSPIN);
    }

    @Test
    void enterWithSeveralHitsAndNoExactOneOpensNothingAndSaysSo() {
        createCustomer(TestTokens.ALPHA, ADATUM_FOR_NORTHWIND, "Adatum for Northwind Traders");
        openThePageSignedIn();
        WebElement input = browser.findElement(By.id("q"));

        input.sendKeys("northwind", Keys.ENTER);

        wait(ExpectedConditions.textToBe(By.id("status"), "2 customers match; choose one with ↓"));
        assertEquals(root + "?q=northwind", browser.getCurrentUrl());
        assertEquals(input, browser.switchTo().activeElement());
        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals("/tenants/" + ADATUM_FOR_NORTHWIND + "/portal?portal=defender", focusedLink());
    }

    @Test
    void arrowDownMovesFromTheSearchBoxIntoTheList() {
        openThePageSignedIn();
        waitForResults(3);
        WebElement input = browser.findElement(By.id("q"));
        assertEquals(input, browser.switchTo().activeElement(), "the search box has the focus on arrival");
        assertEquals("Find a customer", browser.findElement(By.tagName("h1")).getText());
        assertNoAccessibilityViolations("the empty search");

        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals("/tenants/" + CONTOSO + "/portal?portal=defender", focusedLink());

        browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertEquals("/tenants/" + NORTHWIND + "/portal?portal=defender", focusedLink());

        browser.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        assertEquals(input, browser.switchTo().activeElement());
    }

    @Test
    void tabWalksARowsButtonsInOrderWithVisibleFocusAndEscClears() {
        openThePageSignedIn();
        search("north");
        waitForResults(1);

        List<String> walked = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = browser.switchTo().activeElement();
            assertEquals("solid 3px", script("""
                    const style = getComputedStyle(arguments[0]);
                    return style.outlineStyle + ' ' + style.outlineWidth;""", focused), focused.getText());
            walked.add(focused.getText());
        }
        // Unavailable portals (Exchange, Teams) are no tab stops; the note beside them says why.
        assertEquals(List.of("Copy", "Defender", "Purview", "Entra", "Azure", "Intune", "M365 admin", "Power Platform"),
                walked);

        WebElement input = browser.findElement(By.id("q"));
        input.click();
        input.sendKeys(Keys.ESCAPE);
        waitForResults(3);
        assertEquals("", input.getDomProperty("value"));
    }

    private static String focusedLink() {
        return browser.switchTo().activeElement().getDomAttribute("href");
    }

    @Test
    void noMatchSaysSoAndOffersSuggestions() {
        openThePageSignedIn();
        waitForResults(3);

        search("contsoo");

        wait(ExpectedConditions.textToBe(By.id("status"), "No customer matches “contsoo”."));
        WebElement suggestion = wait(ExpectedConditions.elementToBeClickable(By.cssSelector("#suggestions button")));
        assertEquals("Contoso Ltd", suggestion.getText());
        assertTrue(browser.findElements(By.cssSelector("#results li")).isEmpty());
        assertNoAccessibilityViolations("no match, with suggestions");

        suggestion.click();

        assertEquals("Contoso Ltd", waitForResults(1).get(0).findElement(By.className("name")).getText());
    }

    @Test
    void customerNamesAreShownAsTextNeverAsMarkup() {
        openThePageSignedIn();

        search("tailspin");

        WebElement row = waitForResults(1).get(0);
        assertEquals("Tailspin <b>Toys</b> & Co", row.findElement(By.className("name")).getText());
        assertNull(((JavascriptExecutor) browser).executeScript("return document.querySelector('#results b')"));
    }

    @Test
    void fiveThousandCustomersArePagedAndSearchedOnTheServer() {
        database.addNumberedCustomers(TestTokens.ALPHA, 5000);
        openThePageSignedIn();

        wait(ExpectedConditions.textToBe(By.id("status"), "Customers 1–25 of 5,003"));
        browser.findElement(By.id("next")).click();
        wait(ExpectedConditions.textToBe(By.id("status"), "Customers 26–50 of 5,003"));
        assertEquals("Page 2 of 201", browser.findElement(By.id("page-info")).getText());
        assertTheNewPageIsReadFromTheTop("Customer 0025");

        browser.findElement(By.id("prev")).click();
        wait(ExpectedConditions.textToBe(By.id("status"), "Customers 1–25 of 5,003"));
        assertTheNewPageIsReadFromTheTop("Contoso Ltd");

        long start = System.nanoTime();
        search("customer 4321");
        List<WebElement> rows = waitForResults(1);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertEquals("Customer 4321", rows.get(0).findElement(By.className("name")).getText());
        assertTrue(millis < 2000, "search took " + millis + " ms");
        assertTrue(!browser.findElement(By.id("pager")).isDisplayed());
    }

    static final String LITWARE = "1d2e3f40-5b6c-4d7e-8f90-a1b2c3d4e5f6";
    static final String PROSEWARE = "2e3f4051-6c7d-4e8f-90a1-b2c3d4e5f607";

    @Test
    void anAdminPreviewsAnImportWithADryRunAndThenConfirmsIt() throws IOException {
        stubSignIn(TestTokens.ADMIN);
        Path file = Files.createTempFile("customers", ".csv");
        try {
            Files.writeString(file, "tenantId,displayName,aliases\n" + LITWARE + ",Litware Inc,Litware\n"
                    + PROSEWARE + ",Proseware,Contoso\nnot-a-tenant,Nobody,\n");
            String name = file.getFileName().toString();
            openThePageSignedIn();
            waitForResults(3);

            browser.findElement(By.id("import-file")).sendKeys(file.toString());

            wait(ExpectedConditions.textToBe(By.id("import-status"), "Dry run of " + name + ": 1 to create, 0 to update, "
                    + "0 unchanged, 1 invalid, 1 in conflict. Nothing can be imported while 2 rows have problems: fix the "
                    + "file, or tick “Import the good rows”."));
            assertEquals(List.of("3 " + PROSEWARE + " conflict aliases 'Contoso' already names Contoso Ltd (" + CONTOSO + ")",
                    "4 not-a-tenant invalid tenantId tenantId: must be a tenant id (GUID)"),
                    browser.findElements(By.cssSelector("#import-problems tbody tr")).stream().map(WebElement::getText).toList());
            assertTrue(!browser.findElement(By.id("import-confirm")).isDisplayed(), "nothing to confirm while rows are bad");
            assertNoAccessibilityViolations("an import preview with problems");

            // keyboard only: tick "Import the good rows", then confirm
            WebElement partial = browser.findElement(By.id("import-partial"));
            partial.sendKeys(Keys.SPACE);
            WebElement confirm = wait(ExpectedConditions.visibilityOfElementLocated(By.id("import-confirm")));
            wait(ExpectedConditions.textToBe(By.id("import-status"), "Dry run of " + name + ": 1 to create, 0 to update, "
                    + "0 unchanged, 1 invalid, 1 in conflict."));
            assertEquals("Import 1 change", confirm.getText());
            assertEquals(0, database.count("SELECT count(*) FROM customer WHERE display_name = 'Litware Inc'"));
            confirm.sendKeys(Keys.ENTER);

            wait(ExpectedConditions.textToBe(By.id("import-status"), "Imported " + name + ": 1 created, 0 updated, "
                    + "0 unchanged, 1 invalid, 1 in conflict."));
            waitForResults(4);
            assertEquals(1, database.count("SELECT count(*) FROM customer WHERE display_name = 'Litware Inc' "
                    + "AND source = 'import'"));
            assertNoAccessibilityViolations("after an import");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theExportDownloadsWithTheBrowserSession() {
        stubSignIn(TestTokens.ADMIN);
        openThePageSignedIn();
        assertEquals("/export?format=csv", browser.findElement(By.id("export-csv")).getDomAttribute("href"));
        Object csv = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById('export-csv').href).then(r => r.text()).then(done, e => done(String(e)));""");
        // (text() drops the byte order mark)
        assertTrue(String.valueOf(csv).startsWith("tenantId,displayName,defaultDomain,initialDomain,domains,aliases,refs,source\n"
                + CONTOSO + ",Contoso Ltd,"), String.valueOf(csv));
    }

    @Test
    void anAnalystWithoutTheAdminRoleHasNoImportSection() {
        openThePageSignedIn();
        waitForResults(3);
        assertTrue(browser.findElements(By.id("transfer")).isEmpty());
    }

    /** Paging from the pager at the bottom: the list's top is in view and its first portal link has the focus. */
    private static void assertTheNewPageIsReadFromTheTop(String firstCustomer) {
        WebElement first = waitForFirstRowNamed(firstCustomer);
        assertEquals(first.findElement(By.cssSelector("a.portal")), browser.switchTo().activeElement());
        Number top = (Number) script("return document.getElementById('status').getBoundingClientRect().top");
        assertEquals(0, Math.round(top.doubleValue()), "the status line above the list is at the top of the view");
    }

    private static WebElement waitForFirstRowNamed(String name) {
        wait(ExpectedConditions.textToBe(By.cssSelector("#results li.customer:first-child .name"), name));
        return browser.findElement(By.cssSelector("#results li.customer:first-child"));
    }

    @Test
    void atPhoneWidthNothingScrollsSidewaysAndEveryButtonStaysInItsCard() {
        browser.manage().window().setSize(PHONE);
        try {
            openThePageSignedIn();
            waitForResults(3);
            assertEquals(390L, script("return window.innerWidth"), "the page is laid out for 390 px");

            assertEquals(Boolean.TRUE, script("""
                    const page = document.documentElement;
                    return page.scrollWidth <= page.clientWidth;"""), "the page scrolls sideways");
            WebElement signOut = browser.findElement(By.linkText("Sign out"));
            assertTrue(signOut.isDisplayed());
            assertEquals(List.of(), script("""
                    const r = arguments[0].getBoundingClientRect();
                    return r.left >= 0 && r.right <= document.documentElement.clientWidth ? [] : [r.left, r.right];""",
                    signOut), "Sign out is outside the view");
            // Every Copy button and portal button of every card lies within its card.
            assertEquals(List.of(), script("""
                    const outside = [];
                    document.querySelectorAll('#results li.customer').forEach((card) => {
                      const c = card.getBoundingClientRect();
                      card.querySelectorAll('.copy, .portal').forEach((b) => {
                        const r = b.getBoundingClientRect();
                        if (r.left < c.left || r.right > c.right || r.top < c.top || r.bottom > c.bottom) {
                          outside.push(card.querySelector('.name').textContent + ': ' + b.textContent);
                        }
                      });
                    });
                    return outside;"""));
            // every built-in portal and the test profile's custom "runbook"
            assertEquals(3L * (1 + io.tenantportal.portal.Portal.BUILT_IN.size() + 1),
                    script("return document.querySelectorAll('#results li.customer .copy, #results li.customer .portal').length"));
            assertNoAccessibilityViolations("390 px wide");
        } finally {
            browser.manage().window().setSize(DESKTOP);
        }
    }

    private void openThePageSignedIn() {
        browser.get(root.toString());
        signInAtTheIdentityProvider();
        wait(ExpectedConditions.urlToBe(root.toString()));
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
    }

    /** The test identity provider's login form; any user name will do, the token is ours. */
    private void signInAtTheIdentityProvider() {
        wait(ExpectedConditions.urlContains(authorizationEndpoint() + "?"));
        browser.findElement(By.id("username")).sendKeys("analyst");
        browser.findElement(By.id("password")).sendKeys("secret");
        browser.findElement(By.id("login")).click();
    }

    private void search(String text) {
        WebElement input = browser.findElement(By.id("q"));
        input.clear();
        input.sendKeys(text);
    }

    private List<WebElement> waitForResults(int count) {
        return wait(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results li.customer"), count));
    }

    private void waitForUrl(String url) {
        wait(ExpectedConditions.urlToBe(url));
        assertEquals(url, browser.getCurrentUrl());
    }

    /** axe-core, injected through WebDriver (which the page's Content-Security-Policy does not restrict). */
    private static void assertNoAccessibilityViolations(String state) {
        Results axe = new AxeBuilder().analyze(browser);
        assertTrue(axe.getErrorMessage() == null, state + ": axe failed: " + axe.getErrorMessage());
        assertTrue(axe.getPasses().size() > 10, state + ": axe checked almost nothing");
        String violations = axe.getViolations().stream()
                .map(rule -> rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .collect(java.util.stream.Collectors.joining("\n"));
        assertEquals("", violations, state + ": accessibility violations");
    }

    /** WCAG contrast ratio of an element's text colour against its own background colour. */
    private static double contrast(WebElement element) {
        return ((Number) script("""
                const style = getComputedStyle(arguments[0]);
                const luminance = (css) => {
                  const [r, g, b] = css.match(/[\\d.]+/g).slice(0, 3).map((v) => {
                    const c = Number(v) / 255;
                    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
                  });
                  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                };
                const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
                return (light + 0.05) / (dark + 0.05);""", element)).doubleValue();
    }

    private static Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    @Test
    void eachPortalButtonShowsItsLinkHealthAsTextAndStaysKeyboardUsable() {
        String securityReader = "5d6b6bb7-de71-4623-b4af-96380a352509";
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String soon = now.plus(Duration.ofDays(10)).toString();
        var server = io.tenantportal.support.GraphWireMock.server();
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                        io.tenantportal.support.GraphWireMock.RELATIONSHIPS_PATH))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        io.tenantportal.support.GraphWireMock.page(List.of(
                                io.tenantportal.support.GraphWireMock.relationship("rel-contoso", "Contoso SOC", CONTOSO,
                                        "active", now.plus(Duration.ofDays(300)).toString(), "PT0S", securityReader),
                                io.tenantportal.support.GraphWireMock.relationship("rel-northwind", "Northwind SOC",
                                        NORTHWIND, "active", soon, "PT0S", securityReader)), null))));
        for (String relationship : List.of("rel-contoso", "rel-northwind")) {
            server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                            io.tenantportal.support.GraphWireMock.assignmentsPath(relationship)))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                            io.tenantportal.support.GraphWireMock.page(List.of(
                                    io.tenantportal.support.GraphWireMock.assignment("a", "active", securityReader)),
                                    null))));
        }
        as(TestTokens.alphaAdmin()).post("/sync").then().statusCode(200);

        openThePageSignedIn();
        waitForResults(3);

        WebElement contosoDefender = browser.findElement(By.id("health-defender-" + CONTOSO));
        assertEquals("Access OK", contosoDefender.getText());
        assertEquals("No role", browser.findElement(By.id("health-exchange-" + CONTOSO)).getText());
        WebElement northwindDefender = browser.findElement(By.id("health-defender-" + NORTHWIND));
        assertEquals("Expires " + soon.substring(0, 10), northwindDefender.getText());
        WebElement tailspinDefender = browser.findElement(By.id("health-defender-" + TAILSPIN));
        assertEquals("No GDAP", tailspinDefender.getText());
        assertTrue(tailspinDefender.getDomAttribute("title").contains("other means"));
        // The verdict describes its button for screen readers, and its colours keep text readable.
        WebElement defenderLink = browser.findElement(By.cssSelector("a[href='/tenants/" + NORTHWIND
                + "/portal?portal=defender']"));
        assertEquals(northwindDefender.getDomAttribute("id"), defenderLink.getDomAttribute("aria-describedby"));
        for (WebElement badge : List.of(contosoDefender, northwindDefender, tailspinDefender,
                browser.findElement(By.id("health-exchange-" + CONTOSO)))) {
            assertTrue(contrast(badge) >= 4.5, badge.getText() + ": contrast " + contrast(badge));
        }
        assertNoAccessibilityViolations("link health");

        // The verdicts are no tab stops: Tab still walks Copy and the portal buttons in order.
        search("north");
        waitForResults(1);
        List<String> walked = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            walked.add(browser.switchTo().activeElement().getText());
        }
        assertEquals(List.of("Copy", "Defender", "Purview"), walked);
    }
}
