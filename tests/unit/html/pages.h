/*
 * pages.h — HTML fixtures for the HTML builder's tests and benchmark: the official 2021 tables
 * with their published rowspan/colspan structure, and whole portal pages around them (head
 * with meta tags, scripts and styles, header, navigation, breadcrumbs, share bar, narrative
 * paragraphs, Word-style cells with <p><span style> and &nbsp;, footer).
 *
 * Everything appends to an ogi__buf and returns 0 or OGI_ENOMEM. Deterministic for a seed.
 */
#ifndef OGI_TEST_HTML_PAGES_H
#define OGI_TEST_HTML_PAGES_H

#include "common_int.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Cell markup styles. */
enum {
	PAGE_CELL_PLAIN = 0, /* <td>text</td> */
	PAGE_CELL_WORD = 1,  /* <td width style><p class=MsoNormal align=center><span style>text */
	PAGE_CELL_SPAN = 2   /* header cells as <th>, others <td><span>text</span></td> */
};

/* The result rows of Table 3 (2021): label, and the span structure of its label cells. */
static const char *const page_t3_labels[25] = {
	"一、本年新收政府信息公开申请数量",
	"二、上年结转政府信息公开申请数量",
	"（一）予以公开",
	"（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
	"1.属于国家秘密",
	"2.其他法律行政法规禁止公开",
	"3.危及“三安全一稳定”",
	"4.保护第三方合法权益",
	"5.属于三类内部事务信息",
	"6.属于四类过程性信息",
	"7.属于行政执法案卷",
	"8.属于行政查询事项",
	"1.本机关不掌握相关政府信息",
	"2.没有现成信息需要另行制作",
	"3.补正后申请内容仍不明确",
	"1.信访举报投诉类申请",
	"2.重复申请",
	"3.要求提供公开出版物",
	"4.无正当理由大量反复申请",
	"5.要求行政机关确认或重新出具已获取信息",
	"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
	"3.其他",
	"（七）总计",
	"四、结转下年度继续办理",
};

typedef struct page_w {
	ogi__buf *o;
	int rc;
	int style;
} page_w;

static inline void page_raw(page_w *w, const char *s)
{
	if (!w->rc)
		w->rc = ogi__buf_puts(w->o, s);
}

static inline void page_td(page_w *w, int rowspan, int colspan, int head, const char *text)
{
	char a[96];
	int th = head && w->style == PAGE_CELL_SPAN;
	page_raw(w, th ? "<th" : "<td");
	if (rowspan > 1) {
		snprintf(a, sizeof a, " rowspan=\"%d\"", rowspan);
		page_raw(w, a);
	}
	if (colspan > 1) {
		snprintf(a, sizeof a, " colspan=\"%d\"", colspan);
		page_raw(w, a);
	}
	if (w->style == PAGE_CELL_WORD) {
		page_raw(w, " width=\"64\" valign=\"center\" style=\"width:48.0pt;border:solid windowtext "
		            "1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt\">\n  <p class=\"MsoNormal\" "
		            "align=\"center\" style=\"text-align:center;line-height:15.0pt\"><span "
		            "style=\"font-size:10.5pt;font-family:宋体;color:black\">");
		page_raw(w, text);
		page_raw(w, "</span><span lang=\"EN-US\" style=\"font-size:10.5pt\"><o:p></o:p></span></p>"
		            "\n  </td>\n");
	} else if (w->style == PAGE_CELL_SPAN) {
		page_raw(w, " align=\"center\"><span>");
		page_raw(w, text);
		page_raw(w, th ? "</span></th>\n" : "</span></td>\n");
	} else {
		page_raw(w, ">");
		page_raw(w, text);
		page_raw(w, "</td>\n");
	}
}

static inline void page_num(page_w *w, long v)
{
	char s[32];
	if (v < 0)
		snprintf(s, sizeof s, "&nbsp;");
	else
		snprintf(s, sizeof s, "%ld", v);
	page_td(w, 1, 1, 0, s);
}

/* Table 3 of the 2021 format with values v[row][col] (25 rows x 7 columns; a negative value is
 * written as &nbsp;). Grid: 28 rows x 10 columns. */
static inline int page_table3(ogi__buf *o, const long v[25][7], int style)
{
	page_w w = {o, 0, style};
	page_raw(&w, "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"640\" "
	             "style=\"border-collapse:collapse;border:none\">\n<tbody>\n<tr>\n");
	page_td(&w, 3, 3, 1, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
	page_td(&w, 1, 7, 1, "申请人情况");
	page_raw(&w, "</tr>\n<tr>\n");
	page_td(&w, 2, 1, 1, "自然人");
	page_td(&w, 1, 5, 1, "法人或其他组织");
	page_td(&w, 2, 1, 1, "总计");
	page_raw(&w, "</tr>\n<tr>\n");
	page_td(&w, 1, 1, 1, "商业<br/>企业");
	page_td(&w, 1, 1, 1, "科研<br/>机构");
	page_td(&w, 1, 1, 1, "社会公益组织");
	page_td(&w, 1, 1, 1, "法律服务机构");
	page_td(&w, 1, 1, 1, "其他");
	page_raw(&w, "</tr>\n");
	for (int r = 0; r < 25; r++) {
		page_raw(&w, "<tr>\n");
		if (r < 2 || r == 24) {
			page_td(&w, 1, 3, 0, page_t3_labels[r]);
		} else {
			if (r == 2)
				page_td(&w, 22, 1, 0, "三、本年度办理结果");
			if (r == 2 || r == 3 || r == 23)
				page_td(&w, 1, 2, 0, page_t3_labels[r]);
			else {
				if (r == 4)
					page_td(&w, 8, 1, 0, "（三）不予公开");
				else if (r == 12)
					page_td(&w, 3, 1, 0, "（四）无法提供");
				else if (r == 15)
					page_td(&w, 5, 1, 0, "（五）不予处理");
				else if (r == 20)
					page_td(&w, 3, 1, 0, "（六）其他处理");
				page_td(&w, 1, 1, 0, page_t3_labels[r]);
			}
		}
		for (int c = 0; c < 7; c++)
			page_num(&w, v[r][c]);
		page_raw(&w, "</tr>\n");
	}
	page_raw(&w, "</tbody>\n</table>\n");
	return w.rc;
}

/* Table 4 of the 2019/2021 formats with 15 values. Grid: 4 rows x 15 columns. */
static inline int page_table4(ogi__buf *o, const long v[15], int style)
{
	static const char *const res[5] = {"结果<br>维持", "结果<br>纠正", "其他<br>结果",
	                                   "尚未<br>审结", "总计"};
	page_w w = {o, 0, style};
	page_raw(&w, "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" "
	             "style=\"border-collapse:collapse\">\n<tbody>\n<tr>\n");
	page_td(&w, 1, 5, 1, "行政复议");
	page_td(&w, 1, 10, 1, "行政诉讼");
	page_raw(&w, "</tr>\n<tr>\n");
	for (int i = 0; i < 5; i++)
		page_td(&w, 2, 1, 1, res[i]);
	page_td(&w, 1, 5, 1, "未经复议直接起诉");
	page_td(&w, 1, 5, 1, "复议后起诉");
	page_raw(&w, "</tr>\n<tr>\n");
	for (int i = 0; i < 10; i++)
		page_td(&w, 1, 1, 1, res[i % 5]);
	page_raw(&w, "</tr>\n<tr>\n");
	for (int i = 0; i < 15; i++)
		page_num(&w, v[i]);
	page_raw(&w, "</tr>\n</tbody>\n</table>\n");
	return w.rc;
}

/* Table 1 (active disclosure, 2021). Grid: 14 rows x 4 columns. */
static inline int page_table1(ogi__buf *o, const long v[8], int style)
{
	page_w w = {o, 0, style};
	char s[32];
	page_raw(&w, "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\">\n<tbody>\n");
	page_raw(&w, "<tr>\n");
	page_td(&w, 1, 4, 1, "第二十条第（一）项");
	page_raw(&w, "</tr>\n<tr>\n");
	page_td(&w, 1, 1, 1, "信息内容");
	page_td(&w, 1, 1, 1, "本年制发件数");
	page_td(&w, 1, 1, 1, "本年废止件数");
	page_td(&w, 1, 1, 1, "现行有效件数");
	page_raw(&w, "</tr>\n<tr>\n");
	page_td(&w, 1, 1, 0, "规章");
	for (int i = 0; i < 3; i++)
		page_num(&w, v[i]);
	page_raw(&w, "</tr>\n<tr>\n");
	page_td(&w, 1, 1, 0, "行政规范性文件");
	for (int i = 0; i < 3; i++)
		page_num(&w, v[3 + i]);
	page_raw(&w, "</tr>\n");
	static const char *const items[3] = {"第二十条第（五）项", "第二十条第（六）项",
	                                     "第二十条第（八）项"};
	static const char *const heads[3] = {"本年处理决定数量", "本年处理决定数量",
	                                     "本年收费金额（单位：万元）"};
	static const char *const rows[4] = {"行政许可", "行政处罚", "行政强制", "行政事业性收费"};
	int k = 0;
	for (int g = 0; g < 3; g++) {
		page_raw(&w, "<tr>\n");
		page_td(&w, 1, 4, 1, items[g]);
		page_raw(&w, "</tr>\n<tr>\n");
		page_td(&w, 1, 1, 1, "信息内容");
		page_td(&w, 1, 3, 1, heads[g]);
		page_raw(&w, "</tr>\n");
		for (int n = g == 1 ? 2 : 1; n > 0; n--) {
			page_raw(&w, "<tr>\n");
			page_td(&w, 1, 1, 0, rows[k]);
			snprintf(s, sizeof s, "%ld", v[6 + (k & 1)]);
			page_td(&w, 1, 3, 0, s);
			page_raw(&w, "</tr>\n");
			k++;
		}
	}
	page_raw(&w, "</tbody>\n</table>\n");
	return w.rc;
}

static inline uint64_t page_rand(uint64_t *s)
{
	*s = *s * 6364136223846793005ull + 1442695040888963407ull;
	return *s >> 33;
}

/* A portal article page around the three tables. The narrative and the values vary with the
 * seed; `paragraphs` narrative paragraphs are spread over the sections. */
static inline int page_portal(ogi__buf *o, uint64_t seed, int style, int paragraphs)
{
	static const char *const sentences[] = {
		"坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，",
		"围绕中心工作，突出工作重点，依法、准确、及时、全面推进政务公开，",
		"政府网站全年共发布信息<span style=\"font-family:Times New Roman\">18306</span>条，",
		"全年共受理政府信息公开申请<b>16</b>件，均在法定期限内答复，",
		"进一步完善了主动公开目录，规范了依申请公开工作流程，",
		"组织开展政务公开专题培训<span lang=\"EN-US\">3</span>次，参训人员达120人次。",
		"在政务公开专区设置了资料展示架，集中分类摆放法律法规、政府公报、规范性文件等资料，",
	};
	static const char *const heads[6] = {"一、总体情况", "二、主动公开政府信息情况",
	                                     "三、收到和处理政府信息公开申请情况",
	                                     "四、政府信息公开行政复议、行政诉讼情况",
	                                     "五、存在的主要问题及改进情况", "六、其他需要报告的事项"};
	page_w w = {o, 0, style};
	uint64_t s = seed * 2654435761u + 17;
	char tmp[256];
	int year = 2021 + (int)(page_rand(&s) % 3);
	page_raw(&w, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
	snprintf(tmp, sizeof tmp, "<title>%d年某某县政府信息公开工作年度报告_某某县人民政府</title>\n",
	         year);
	page_raw(&w, tmp);
	snprintf(tmp, sizeof tmp, "<meta name=\"ArticleTitle\" content=\"%d年某某县政府信息公开工作年度报告\">\n",
	         year);
	page_raw(&w, tmp);
	snprintf(tmp, sizeof tmp, "<meta name=\"PubDate\" content=\"%d-01-%02d 09:55\">\n", year + 1,
	         1 + (int)(page_rand(&s) % 28));
	page_raw(&w, tmp);
	page_raw(&w, "<meta name=\"ContentSource\" content=\"某某县人民政府办公室\">\n"
	             "<meta name=\"SiteName\" content=\"某某县人民政府\">\n"
	             "<link rel=\"stylesheet\" href=\"/css/style.css\">\n"
	             "<style type=\"text/css\">body{margin:0;font-family:'Microsoft YaHei'}"
	             ".nav li{float:left;padding:0 12px}.footer{background:#eee}</style>\n"
	             "<script type=\"text/javascript\">var _hmt=_hmt||[];(function(){var hm="
	             "document.createElement(\"script\");hm.src=\"https://hm.example.com/hm.js?x\";"
	             "if(a<b&&c>d){}})();</script>\n</head>\n<body>\n");
	page_raw(&w, "<div class=\"top-bar\"><div class=\"w1200\"><span>今天是：</span><a href=\"#\">"
	             "无障碍</a> | <a href=\"#\">长者模式</a> | <a href=\"#\">English</a></div></div>\n"
	             "<div class=\"header\"><div class=\"logo\"><img src=\"/images/logo.png\" alt=\"某某县"
	             "人民政府\"></div><div class=\"search\"><form action=\"/search\"><input type=\"text\" "
	             "name=\"q\" value=\"请输入关键字\"><button>搜索</button></form></div></div>\n"
	             "<div class=\"nav\"><ul>\n");
	static const char *const nav[8] = {"首页", "政务公开", "政务服务", "互动交流", "走进某某",
	                                   "专题专栏", "数据开放", "政策文件"};
	for (int i = 0; i < 8; i++) {
		snprintf(tmp, sizeof tmp, "<li><a href=\"/col/col%d/index.html\" target=\"_blank\">%s</a>"
		                          "</li>\n", 1000 + i, nav[i]);
		page_raw(&w, tmp);
	}
	page_raw(&w, "</ul></div>\n<div class=\"main w1200\">\n<div class=\"crumb\">当前位置："
	             "<a href=\"/\">首页</a> &gt; <a href=\"#\">政务公开</a> &gt; <a href=\"#\">"
	             "政府信息公开年度报告</a></div>\n<div class=\"article\">\n");
	snprintf(tmp, sizeof tmp, "<h1 class=\"title\">%d年某某县政府信息公开工作年度报告</h1>\n",
	         year);
	page_raw(&w, tmp);
	snprintf(tmp, sizeof tmp, "<div class=\"info\"><span>发布时间：%d-01-20</span>&nbsp;&nbsp;"
	                          "<span>来源：某某县人民政府办公室</span>&nbsp;&nbsp;<span>【字体："
	                          "<a>大</a> <a>中</a> <a>小</a>】</span></div>\n",
	         year + 1);
	page_raw(&w, tmp);
	page_raw(&w, "<div class=\"share\">分享到：<a>微信</a><a>微博</a></div>\n"
	             "<div id=\"zoom\" class=\"TRS_Editor\">\n");
	page_raw(&w, "<p style=\"text-indent:2em;line-height:1.8;font-size:16px\">根据《中华人民共和国"
	             "政府信息公开条例》规定，现将本年度政府信息公开工作报告如下：</p>\n");
	long t3[25][7], t4[15], t1[8];
	for (int r = 0; r < 25; r++)
		for (int c = 0; c < 7; c++)
			t3[r][c] = (page_rand(&s) % 7 == 0) ? -1 : (long)(page_rand(&s) % 40);
	for (int i = 0; i < 15; i++)
		t4[i] = (long)(page_rand(&s) % 9);
	for (int i = 0; i < 8; i++)
		t1[i] = (long)(page_rand(&s) % 300);
	for (int h = 0; h < 6; h++) {
		snprintf(tmp, sizeof tmp, "<p style=\"text-indent:2em\"><strong>%s</strong></p>\n", heads[h]);
		page_raw(&w, tmp);
		int np = paragraphs / 6 + (h < paragraphs % 6);
		for (int p = 0; p < np; p++) {
			page_raw(&w, "<p style=\"text-indent:2em;line-height:1.8;font-size:16px;"
			             "font-family:仿宋_GB2312\"><span style=\"font-size:16px\">");
			int n = 3 + (int)(page_rand(&s) % 4);
			for (int k = 0; k < n; k++) {
				page_raw(&w, sentences[page_rand(&s) % (sizeof sentences / sizeof sentences[0])]);
				if (page_rand(&s) % 5 == 0)
					page_raw(&w, "\n");
			}
			page_raw(&w, "</span></p>\n");
		}
		if (!w.rc && h == 1)
			w.rc = page_table1(o, t1, style);
		if (!w.rc && h == 2)
			w.rc = page_table3(o, t3, style);
		if (!w.rc && h == 3)
			w.rc = page_table4(o, t4, style);
	}
	snprintf(tmp, sizeof tmp, "<p style=\"text-align:right\">某某县人民政府办公室</p>\n"
	                          "<p style=\"text-align:right\">%d年1月20日</p>\n",
	         year + 1);
	page_raw(&w, tmp);
	page_raw(&w, "</div>\n</div>\n<div class=\"print\"><a href=\"javascript:window.print()\">"
	             "【打印本页】</a> <a href=\"javascript:window.close()\">【关闭窗口】</a></div>\n"
	             "</div>\n<div class=\"footer\">\n<p>主办：某某县人民政府办公室&nbsp;&nbsp;承办："
	             "某某县政务服务中心</p>\n<p>网站标识码：4310810001&nbsp;&nbsp;<a href=\"#\">"
	             "湘ICP备05001234号</a></p>\n</div>\n<script src=\"/js/jquery.min.js\"></script>\n"
	             "<script>$(function(){$('.nav li').hover(function(){});});</script>\n"
	             "</body>\n</html>\n");
	return w.rc;
}

#endif /* OGI_TEST_HTML_PAGES_H */
