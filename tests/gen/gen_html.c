/*
 * gen_html.c — the HTML layout: a portal article page (navigation, breadcrumbs, title, info
 * bar, share bar, footer, <meta name="ArticleTitle"/"PubDate"> tags) whose content holds the
 * narrative as <p> and the tables with the rowspan/colspan of the official formats:
 * 三、本年度办理结果 spanning all result rows, （三）不予公开 spanning its 8 rows, the 3-row
 * applicant header (申请人情况 colspan 7, 自然人/总计 rowspan 2, 法人或其他组织 colspan 5),
 * Table 4's 行政复议 colspan 5 / 行政诉讼 colspan 10 over 未经复议直接起诉 / 复议后起诉, the
 * Table 2 groups under 第二十条第（X）项 rows; the legacy table as 3 columns. Cells wrap their
 * text in <p><span style=...> in some documents, headers break with <br/>, blank cells are
 * empty or &nbsp;. With PAGE_BREAK, Table 3 is split into two tables (as word processors
 * export a table that crosses a page), the spans continuing in the second one.
 */
#include "gen_render.h"

#include <stdio.h>
#include <string.h>

static void ht(gctx *g, const char *s)
{
	if (g->fw) {
		gw_text(g, s);
		return;
	}
	for (const char *p = s; *p; p++) {
		if (*p == '&')
			gw_raw(g, "&amp;");
		else if (*p == '<')
			gw_raw(g, "&lt;");
		else if (*p == '>')
			gw_raw(g, "&gt;");
		else
			gw_rawn(g, p, 1);
	}
}

typedef struct hstyle {
	int cell;    /* 0 plain <td>, 1 <td><p><span style>, 2 <td><span> */
	int breaks;  /* headers with <br/> */
	int heading; /* 0 <p><strong>, 1 <h3>, 2 <p style=font-weight> */
	int indent;  /* paragraphs indented by style (1) or by U+3000 (0) */
} hstyle;

static void td_open(gctx *g, const hstyle *hs, int rowspan, int colspan, int head)
{
	char attr[64];
	gw_raw(g, head && hs->cell == 2 ? "<th" : "<td");
	if (rowspan > 1) {
		snprintf(attr, sizeof attr, " rowspan=\"%d\"", rowspan);
		gw_raw(g, attr);
	}
	if (colspan > 1) {
		snprintf(attr, sizeof attr, " colspan=\"%d\"", colspan);
		gw_raw(g, attr);
	}
	if (hs->cell == 1)
		gw_raw(g, " valign=\"center\" style=\"border:solid windowtext 1.0pt;padding:0cm 5.4pt\">"
		          "<p class=\"MsoNormal\" align=\"center\" style=\"text-align:center\">"
		          "<span style=\"font-size:10.5pt;font-family:宋体\">");
	else if (hs->cell == 2)
		gw_raw(g, " align=\"center\"><span>");
	else
		gw_raw(g, ">");
}

static void td_close(gctx *g, const hstyle *hs, int head)
{
	if (hs->cell == 1)
		gw_raw(g, "</span></p>");
	else if (hs->cell == 2)
		gw_raw(g, "</span>");
	gw_raw(g, head && hs->cell == 2 ? "</th>" : "</td>");
}

static void table_open(gctx *g)
{
	gw_raw(g, "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"600\" "
	          "style=\"border-collapse:collapse\">\n<tbody>\n");
}

static void table_close(gctx *g)
{
	gw_raw(g, "</tbody>\n</table>\n");
}

static void page_artefact(gctx *g)
{
	char art[64];
	gen_page_artefact(g, art, sizeof art);
	if (!strcmp(art, "\f")) {
		gw_raw(g, "<br clear=\"all\" style=\"page-break-before:always\" />\n");
	} else {
		gw_raw(g, "<p style=\"text-align:center\">");
		ht(g, art);
		gw_raw(g, "</p>\n");
	}
	if (g->info)
		g->info->page_break = 1;
}

/* The grid row where the cell covering (r, c) starts. */
static size_t origin_row(const grid *gr, size_t r, int c)
{
	while (r > 0 && gr->rows[r].p[c].covered == 1)
		r--;
	return r;
}

static void html_table(gctx *g, const grid *gr, const hstyle *hs)
{
	int t3 = gr->block == OGI_BLOCK_APPLICATIONS, data = -1;
	size_t split = (size_t)-1;
	if (t3 && g->pb_row >= 0) {
		int d = -1;
		for (size_t r = 0; r < gr->n; r++)
			if (gr->rows[r].kind == GR_DATA && ++d == g->pb_row)
				split = r;
	}
	table_open(g);
	for (size_t r = 0; r < gr->n; r++) {
		const grow *row = &gr->rows[r];
		vtok toks[GEN_GRID_COLS];
		size_t nt = gen_tokens(g, row->vals, row->nvals, toks, GEN_GRID_COLS), k = 0;
		if (row->kind == GR_DATA)
			data++;
		if (r == split) {
			table_close(g);
			page_artefact(g);
			table_open(g);
		}
		gw_raw(g, "<tr>");
		for (int c = 0; c < gr->cols; c++) {
			const gpos *p = &row->p[c];
			if (p->covered == 1 && r == split) {
				/* a span that began in the first table continues as an empty cell */
				size_t o = origin_row(gr, r, c);
				const gpos *op = &gr->rows[o].p[c];
				if (gr->rows[o].p[c].covered)
					continue;
				td_open(g, hs, (int)(o + (size_t)op->rowspan - r), op->colspan, 0);
				td_close(g, hs, 0);
				continue;
			}
			if (p->covered)
				continue;
			if (p->value) {
				if (k >= nt)
					continue; /* a dropped value: the row is one cell short */
				const vtok *t = &toks[k++];
				td_open(g, hs, 1, p->colspan, 0);
				if (t->blank)
					gw_raw(g, t->nbsp ? "&nbsp;" : "");
				else
					ht(g, t->text);
				td_close(g, hs, 0);
				continue;
			}
			int rowspan = p->rowspan;
			if (r < split && r + (size_t)rowspan > split)
				rowspan = (int)(split - r);
			td_open(g, hs, rowspan, p->colspan, p->head);
			if (p->head && p->brk && hs->breaks) {
				char a[GEN_LABEL_MAX];
				snprintf(a, sizeof a, "%.*s", (int)p->brk, p->text);
				ht(g, a);
				gw_raw(g, "<br/>");
				ht(g, p->text + p->brk);
			} else {
				ht(g, p->text);
			}
			td_close(g, hs, p->head);
		}
		gw_raw(g, "</tr>\n");
	}
	table_close(g);
}

static void html_para(gctx *g, const hstyle *hs, const char *text)
{
	while (text && *text) {
		const char *e = strchr(text, '\n');
		size_t n = e ? (size_t)(e - text) : strlen(text);
		char buf[2048];
		snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf ? n : sizeof buf - 1), text);
		gw_raw(g, hs->indent ? "<p style=\"text-indent:2em\">" : "<p>　　");
		ht(g, buf);
		gw_raw(g, "</p>\n");
		text = e ? e + 1 : text + n;
	}
}

static void html_heading(gctx *g, const hstyle *hs, const char *text)
{
	static const char *const open[] = {"<p style=\"text-indent:2em\"><strong>", "<h3>",
	                                   "<p style=\"font-weight:bold\">"};
	static const char *const close[] = {"</strong></p>", "</h3>", "</p>"};
	gw_raw(g, open[hs->heading]);
	ht(g, text);
	gw_raw(g, close[hs->heading]);
	gw_raw(g, "\n");
}

static void emit_table(gctx *g, const hstyle *hs, ogi_block_id block)
{
	grid gr;
	if (!gen_grid_build(g, &gr, block))
		html_table(g, &gr, hs);
	gen_grid_free(&gr);
}

int gen_render_html(gctx *g)
{
	gen_rng *r = &g->rng;
	hstyle hs;
	const char *title = ogi_report_meta(g->exp, OGI_META_TITLE);
	const char *agency = ogi_report_meta(g->exp, OGI_META_AGENCY);
	const char *pub = ogi_report_meta(g->exp, OGI_META_PUBLISHED);
	int annual = ogi_report_kind(g->exp) == OGI_DOC_ANNUAL_REPORT;
	char buf[512], date[64] = "";
	hs.cell = (int)gen_below(r, 3);
	hs.breaks = gen_chance(r, 60);
	hs.heading = (int)gen_below(r, 3);
	hs.indent = gen_chance(r, 50);
	if (!title)
		title = "";
	if (!agency)
		agency = "";
	if (pub)
		gen_date_text(g, date, sizeof date, pub, gen_below(r, 3));

	gw_raw(g, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n");
	if (gen_chance(r, 50))
		gw_raw(g, "<meta charset=\"@CHARSET@\">\n");
	else
		gw_raw(g, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=@CHARSET@\">\n");
	gw_raw(g, "<title>");
	ht(g, title);
	if (gen_chance(r, 50)) {
		gw_raw(g, "_");
		ht(g, agency);
		ht(g, "门户网站");
	}
	gw_raw(g, "</title>\n<meta name=\"ArticleTitle\" content=\"");
	ht(g, title);
	gw_raw(g, "\">\n");
	if (pub) {
		snprintf(buf, sizeof buf, "<meta name=\"PubDate\" content=\"%s %02u:%02u\">\n", pub,
		         8 + gen_below(r, 10), gen_below(r, 60));
		gw_raw(g, buf);
	}
	gw_raw(g, "<meta name=\"ContentSource\" content=\"");
	ht(g, agency);
	gw_raw(g, "\">\n<meta name=\"keywords\" content=\"");
	ht(g, "政府信息公开,年度报告");
	gw_raw(g, "\">\n<link rel=\"stylesheet\" href=\"/css/article.css\">\n"
	          "<script src=\"/js/jquery.min.js\"></script>\n</head>\n<body>\n");
	/* navigation and breadcrumbs */
	gw_raw(g, "<div class=\"header\"><div class=\"nav\"><ul>");
	static const char *const nav[] = {"首页", "政务公开", "政务服务", "互动交流", "走进本地"};
	for (size_t i = 0; i < GEN_COUNT_OF(nav); i++) {
		gw_raw(g, "<li><a href=\"/\">");
		ht(g, nav[i]);
		gw_raw(g, "</a></li>");
	}
	gw_raw(g, "</ul></div></div>\n<div class=\"position\">");
	ht(g, "当前位置：");
	gw_raw(g, "<a href=\"/\">");
	ht(g, "首页");
	gw_raw(g, "</a> &gt; <a href=\"/zwgk/\">");
	ht(g, "政务公开");
	gw_raw(g, "</a> &gt; <a href=\"/zwgk/ndbg/\">");
	ht(g, annual ? "政府信息公开年报" : "工作动态");
	gw_raw(g, "</a></div>\n<div class=\"article\">\n<h1 class=\"title\">");
	ht(g, title);
	gw_raw(g, "</h1>\n<div class=\"info\">");
	if (pub) {
		gw_raw(g, "<span>");
		ht(g, "发布时间：");
		ht(g, date);
		gw_raw(g, "</span> ");
	}
	gw_raw(g, "<span>");
	ht(g, "来源：");
	ht(g, agency);
	gw_raw(g, "</span> <span>");
	ht(g, "【字体：");
	gw_raw(g, "<a href=\"javascript:;\">");
	ht(g, "大");
	gw_raw(g, "</a> <a href=\"javascript:;\">");
	ht(g, "中");
	gw_raw(g, "</a> <a href=\"javascript:;\">");
	ht(g, "小");
	gw_raw(g, "</a>");
	ht(g, "】");
	gw_raw(g, "</span></div>\n<div class=\"content\" id=\"zoom\">\n");

	if (!annual) {
		html_para(g, &hs, ogi_report_section(g->exp, OGI_SECTION_OVERVIEW, NULL));
	} else {
		if (gen_chance(r, 60)) {
			snprintf(buf, sizeof buf,
			         "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，现将%s%d年政府信息公开工作年度报告如下：",
			         agency, ogi_report_year(g->exp));
			html_para(g, &hs, buf);
		}
		ogi_section_id secs[OGI_SECTION_COUNT];
		size_t nsec = gen_edition_sections(g->ed, secs), shown = 0;
		for (size_t i = 0; i < nsec; i++) {
			ogi_section_id s = secs[i];
			const char *text = ogi_report_section(g->exp, s, NULL);
			if (!text)
				continue;
			gen_heading_text(g, buf, sizeof buf, shown++, s);
			html_heading(g, &hs, buf);
			ogi_block_id table = OGI_BLOCK_COUNT;
			if (g->ed != OGI_EDITION_LEGACY)
				table = s == OGI_SECTION_ACTIVE            ? OGI_BLOCK_ACTIVE
				        : s == OGI_SECTION_APPLICATIONS      ? OGI_BLOCK_APPLICATIONS
				        : s == OGI_SECTION_REVIEW_LITIGATION ? OGI_BLOCK_REVIEW_LITIGATION
				                                             : OGI_BLOCK_COUNT;
			if (table == OGI_BLOCK_COUNT || gen_chance(r, 50))
				html_para(g, &hs, text);
			if (table != OGI_BLOCK_COUNT)
				emit_table(g, &hs, table);
		}
		if (g->ed == OGI_EDITION_LEGACY) {
			gw_raw(g, "<p style=\"text-align:center\"><strong>");
			snprintf(buf, sizeof buf, "%s政府信息公开情况统计表", agency);
			ht(g, buf);
			gw_raw(g, "</strong></p>\n<p style=\"text-align:center\">");
			snprintf(buf, sizeof buf, "（%d年度）", ogi_report_year(g->exp));
			ht(g, buf);
			gw_raw(g, "</p>\n");
			emit_table(g, &hs, OGI_BLOCK_LEGACY);
		}
	}
	gw_raw(g, "</div>\n</div>\n<div class=\"share\">");
	ht(g, "分享到：");
	gw_raw(g, "<a class=\"wx\" href=\"javascript:;\">");
	ht(g, "微信");
	gw_raw(g, "</a> <a class=\"wb\" href=\"javascript:;\">");
	ht(g, "微博");
	gw_raw(g, "</a> <a href=\"javascript:window.print()\">");
	ht(g, "【打印本页】");
	gw_raw(g, "</a> <a href=\"javascript:window.close()\">");
	ht(g, "【关闭窗口】");
	gw_raw(g, "</a></div>\n<div class=\"footer\"><p>");
	ht(g, "主办：");
	ht(g, agency);
	gw_raw(g, " ");
	ht(g, "承办：政务服务和大数据中心");
	gw_raw(g, "</p><p>");
	snprintf(buf, sizeof buf, "网站标识码：%010u 备案号：ICP备%08u号", gen_below(r, 2000000000),
	         gen_below(r, 99999999));
	ht(g, buf);
	gw_raw(g, "</p></div>\n</body>\n</html>\n");
	return 0;
}
