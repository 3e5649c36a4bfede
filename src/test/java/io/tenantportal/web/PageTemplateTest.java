package io.tenantportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tenantportal.web.PageTemplate.Html;

class PageTemplateTest {

    @Test
    void textIsEscapedSoItCannotBecomeMarkup() {
        assertEquals("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; O&#39;Brien",
                Html.text("<img src=x onerror=\"alert(1)\"> & O'Brien").markup());
    }

    @Test
    void everySlotOfThePageIsFilled() {
        String page = PageTemplate.load("index.html").render(Map.of(
                "msspName", Html.text("A&B <Security>"),
                "user", Html.text("analyst"),
                "portals", AnalystPage.PortalButton.markup(AnalystPage.PortalButton.catalogue(
                        io.tenantportal.portal.Portal.BUILT_IN)),
                "transfer", AnalystPage.TRANSFER));

        assertTrue(page.contains("<span class=\"mssp\">A&amp;B &lt;Security&gt;</span>"), page);
        assertTrue(page.contains("<h1 class=\"title\"><label for=\"q\">Find a customer</label></h1>"), page);
        assertTrue(page.contains("<a class=\"portal\" data-portal=\"exchange\" data-needs=\"initialDomain\">Exchange</a>"), page);
        assertTrue(page.contains("<a class=\"portal\" data-portal=\"sharepoint\" data-needs=\"sharepointName\">SharePoint admin</a>"), page);
        assertTrue(page.contains("<a class=\"portal\" data-portal=\"powerbi\">Power BI admin</a>"), page);
        assertTrue(page.contains("<input id=\"import-file\" name=\"file\" type=\"file\""), page);
        assertTrue(!page.contains("{{"), page);
    }

    @Test
    void aSlotWithoutValueIsAnError() {
        PageTemplate index = PageTemplate.load("index.html");
        assertThrows(IllegalStateException.class, () -> index.render(Map.of("user", Html.text("x"))));
    }

    @Test
    void thereIsOneButtonPerPortalOfTheCatalogue() {
        List<AnalystPage.PortalButton> buttons = AnalystPage.PortalButton.catalogue(io.tenantportal.portal.Portal.BUILT_IN);
        assertEquals(io.tenantportal.portal.Portal.BUILT_IN.size(), buttons.size());
        assertEquals(new AnalystPage.PortalButton("defender", "Defender", List.of()), buttons.get(0));
    }
}
