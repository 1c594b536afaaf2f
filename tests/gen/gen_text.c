/*
 * gen_text.c — names and narrative for generated documents: agency names built from parts,
 * and the paragraphs of each section. Figures stated in the narrative are read from the
 * report's cells (only cells that hold a value), so the text never contradicts the tables.
 */
#include "gen_int.h"

#include <inttypes.h>
#include <string.h>

/* ==== agency names ========================================================================= */

static const char *const provinces[] = {
	"湖南省", "河南省", "浙江省", "安徽省", "广东省", "四川省", "江苏省", "山东省", "湖北省",
	"江西省", "福建省", "河北省", "山西省", "陕西省", "云南省", "贵州省", "甘肃省", "吉林省"};

static const char *const cities[] = {
	"郴州市", "新乡市", "杭州市", "六安市", "衡阳市", "株洲市", "洛阳市", "南阳市", "绍兴市",
	"芜湖市", "惠州市", "绵阳市", "扬州市", "潍坊市", "宜昌市", "赣州市", "泉州市", "保定市",
	"大同市", "宝鸡市", "曲靖市", "遵义市", "天水市", "鞍山市"};

static const char *const counties[] = {
	"资兴市", "获嘉县", "衡山县", "临安区", "宁乡市", "浏阳市", "长兴县", "桐庐县", "舒城县",
	"霍山县", "博罗县", "三台县", "高邮市", "寿光市", "枝江市", "瑞金市", "晋江市", "涿州市",
	"广灵县", "凤翔区", "宣威市", "仁怀市", "秦安县", "海城市", "雁塔区", "江北区"};

static const char *const towns[] = {"於潜镇", "城关镇", "太平镇", "青山镇", "龙泉镇", "白沙镇",
                                    "石门乡", "红星乡", "东城街道", "新华街道", "城南街道"};

static const char *const province_depts[] = {
	"人民政府办公厅", "生态环境厅", "教育厅", "财政厅", "自然资源厅", "住房和城乡建设厅",
	"交通运输厅", "水利厅", "农业农村厅", "商务厅", "卫生健康委员会", "市场监督管理局",
	"统计局", "民政厅"};

static const char *const local_depts[] = {
	"人民政府办公室", "教育局", "财政局", "生态环境局", "自然资源和规划局", "住房和城乡建设局",
	"交通运输局", "水利局", "农业农村局", "卫生健康委员会", "市场监督管理局",
	"城市管理和综合执法局", "政务服务和大数据管理局", "民政局", "人力资源和社会保障局",
	"司法局", "应急管理局", "文化广电和旅游局", "医疗保障局", "统计局", "发展和改革委员会",
	"退役军人事务局", "林业局", "审计局"};

void gen_agency(ogi__buf *out, gen_rng *r, int *is_gov)
{
	unsigned int level = gen_below(r, 100);
	*is_gov = 0;
	if (level < 10) {
		ogi__buf_puts(out, GEN_PICK(r, provinces));
		if (gen_chance(r, 25)) {
			ogi__buf_puts(out, "人民政府");
			*is_gov = 1;
		} else {
			ogi__buf_puts(out, GEN_PICK(r, province_depts));
		}
	} else if (level < 75) {
		ogi__buf_puts(out, level < 35 ? GEN_PICK(r, cities) : GEN_PICK(r, counties));
		if (gen_chance(r, 25)) {
			ogi__buf_puts(out, "人民政府");
			*is_gov = 1;
		} else {
			ogi__buf_puts(out, GEN_PICK(r, local_depts));
		}
	} else {
		const char *town = GEN_PICK(r, towns);
		if (gen_chance(r, 30))
			ogi__buf_puts(out, GEN_PICK(r, counties));
		ogi__buf_puts(out, town);
		size_t n = strlen(town);
		ogi__buf_puts(out, n >= 6 && !strcmp(town + n - 6, "街道") ? "办事处" : "人民政府");
		*is_gov = 1;
	}
}

/* ==== narrative =========================================================================== */

/* Expands a template: %A agency, %Y year, %Z year + 1, %N a small number, %M a larger one,
 * %% a percent sign. */
static void expand(ogi__buf *out, gen_rng *r, const ogi_report *rep, const char *t)
{
	const char *agency = ogi_report_meta(rep, OGI_META_AGENCY);
	int year = ogi_report_year(rep);
	for (; *t; t++) {
		if (*t != '%') {
			ogi__buf_put(out, t, 1);
			continue;
		}
		switch (*++t) {
		case 'A': ogi__buf_puts(out, agency ? agency : "本机关"); break;
		case 'Y': ogi__buf_printf(out, "%d", year); break;
		case 'Z': ogi__buf_printf(out, "%d", year + 1); break;
		case 'N': ogi__buf_printf(out, "%" PRId64, gen_range(r, 2, 30)); break;
		case 'M': ogi__buf_printf(out, "%" PRId64, gen_range(r, 50, 5000)); break;
		case '%': ogi__buf_puts(out, "%"); break;
		case '\0': return;
		default: ogi__buf_put(out, t - 1, 2); break;
		}
	}
}

static const char *const overview_open[] = {
	"%Y年，%A坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》），紧紧围绕中心工作，持续深化政务公开，不断提升政府信息公开工作质量。",
	"%Y年，在上级党委、政府的正确领导下，%A认真贯彻落实《条例》和上级关于政务公开工作的部署要求，坚持以公开为常态、不公开为例外，扎实推进政府信息公开各项工作。",
	"%Y年，%A以群众需求为导向，以制度建设为保障，全面推进决策、执行、管理、服务、结果公开，政府信息公开工作取得了新的成效。",
	"本报告根据《条例》要求，由%A编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告中所列数据的统计期限自%Y年1月1日起至%Y年12月31日止。"};

/* The themes of the overview's sub-paragraphs, in the order the 2019 and 2021 templates ask
 * for them (主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障) and the others real reports
 * add; two wordings each, of the length real reports give them (100 to 300 characters, with
 * figures that are not table cells). */
static const char *const overview_points[][2] = {
	{"加强组织领导。成立了政务公开工作领导小组，由主要负责同志任组长，明确专人负责政府信息公开日常工作，形成了分管领导具体抓、业务科室协同配合的工作格局。全年召开专题会议%N次，研究部署政务公开重点任务。",
	 "强化组织保障。%A将政务公开工作纳入年度重点工作，调整充实了政务公开工作领导小组，配备专兼职工作人员%N名，做到有人管事、有人干事，确保各项工作落到实处。"},
	{"主动公开方面。%A严格落实主动公开基本目录，全年通过门户网站主动公开政府信息%M条，其中政策文件%N件、工作动态%M条、人事信息%N条、财政预决算信息%N条，公开的及时性、准确性进一步提高。",
	 "主动公开情况。坚持以公开为常态、不公开为例外，围绕群众关心关注的重点领域，及时公开政策文件、规划计划、财政资金、公共服务等信息，全年累计发布各类信息%M条，更新政务新媒体信息%M条。"},
	{"依申请公开方面。进一步规范依申请公开受理、审查、答复等环节，严格按照法定时限和程序办理，做到有申必复、答复规范。对申请人提出的申请，认真研究、逐件办理，并通过电话沟通等方式了解申请人的实际需求。",
	 "依申请公开情况。畅通网上申请、信函申请、当面申请等渠道，完善依申请公开工作流程，建立登记、审核、办理、答复、归档的全流程管理，确保每一件申请都依法依规办理，没有出现超期答复的情况。"},
	{"政府信息管理方面。严格落实政府信息公开保密审查制度，坚持先审查、后公开和一事一审原则，全年审查拟公开信息%M条。定期对已公开的政策文件进行清理，及时更新有效性标注，清理过期信息%N条。",
	 "政府信息资源规范化、标准化管理情况。完善信息发布审核机制，落实三审三校制度，规范政府信息的生成、审核、发布和归档管理，全年编制发布规范性文件%N件，均已按要求向社会公开并报送备案。"},
	{"平台建设方面。充分发挥政府网站第一平台作用，对政府信息公开专栏进行了优化调整，全年更新栏目%N个，同步利用政务微信、政务微博等新媒体发布政府信息%M条，及时清理空白栏目和过期信息，提升了网站的实用性。",
	 "政府信息公开平台建设情况。持续加强政府网站和政务新媒体建设管理，完善信息公开专栏设置，开设专题专栏%N个，网站全年访问量达%M万人次；政务服务大厅设置政府信息查阅点，方便群众就近查阅。"},
	{"监督保障方面。将政务公开工作纳入年度绩效考核，定期开展自查自纠，全年开展网站和政务新媒体检查%N次，发现并整改问题%N个。组织政府信息公开工作人员参加业务培训%N次，进一步提高了工作人员的业务水平和依法公开意识。",
	 "监督保障情况。建立健全政务公开考核评议和责任追究制度，主动接受社会监督，通过网上留言、意见箱等渠道收集群众意见建议%N条，均已及时办理和反馈；全年未发生因政务公开工作不到位被追责的情形。"},
	{"做好政策解读。坚持政策文件与解读材料同步组织、同步审签、同步部署，采用图文、视频、动漫等方式解读政策%N篇，主要负责同志带头解读重要政策%N次，增强了解读的针对性和可读性。",
	 "回应社会关切。密切关注涉及本单位的舆情信息，对群众反映的问题及时核实、及时回应，全年回应公众关注热点%N次，办理人大代表建议%N件、政协提案%N件，办理结果均已按要求公开。"},
	{"推进重点领域信息公开。围绕财政预决算、重大建设项目、公共资源配置、社会公益事业等重点领域，及时准确公开相关信息，全年公开重点领域信息%M条，切实保障人民群众的知情权、参与权、表达权和监督权。",
	 "深化决策公开。对涉及群众切身利益的重要改革方案、重大政策措施，通过座谈会、网上征求意见等方式广泛听取意见，全年公开征求意见%N次，收到意见建议%N条，并及时公开采纳情况。"}};

static const char *const active_text[] = {
	"%Y年，%A通过政府网站主动公开政府信息%M条，其中机构职能类信息%N条、政策文件类信息%N条、工作动态类信息%M条。",
	"%A严格按照主动公开目录要求，及时公开本单位职能、机构设置、政策文件、规划计划、财政资金等信息，全年无应公开未公开的情况。",
	"%Y年，%A主动公开政府信息%M条，政策解读%N篇，各类信息均在形成或变更之日起20个工作日内予以公开。"};

static const char *const problems_text[] = {
	"%Y年，%A政府信息公开工作取得了一定成效，但也存在一些不足：一是信息公开的及时性有待进一步提高；二是政策解读形式还不够丰富；三是工作人员业务水平有待提升。",
	"主要问题：公开内容的全面性和规范性还需加强，部分栏目更新不够及时，主动回应社会关切的能力还需提高。",
	"%Z年，%A将从以下几个方面加以改进：一是加强学习培训，提高工作人员业务素质；二是严格落实信息发布审核制度，确保公开信息准确规范；三是丰富政策解读形式，提高解读质量。",
	"下一步，我们将进一步健全政务公开工作机制，加大重点领域信息公开力度，完善依申请公开办理流程，不断提升政府信息公开工作水平。",
	"一是政策解读的形式还比较单一，图解、视频等群众喜闻乐见的解读方式运用不多；二是政务新媒体信息更新频率不够高，互动回应还不够及时；三是基层政务公开标准化规范化建设还需深化，部分事项公开目录有待细化完善。",
	"针对上述问题，%Z年%A将重点做好以下工作：一是加强政策解读，推行多元化解读方式，提高解读的针对性和实效性；二是加强平台管理，落实信息发布审核制度，定期开展自查，及时更新栏目内容；三是加强业务培训，每年组织培训不少于%N次，不断提高政务公开工作人员的业务能力。"};

static const char *const other_text[] = {
	"本年度无其他需要报告的事项。", "无其他需要报告的事项。", "本年度无其它需报告的事项。",
	"依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。",
	"%Y年，%A未收取政府信息公开信息处理费。人大代表建议和政协提案办理结果均已按要求公开。"};

static const char *const subnum[] = {"一", "二", "三", "四", "五", "六", "七", "八"};

/* A cell's value when the report holds one in state VALUE; -1 otherwise. */
static int64_t stated(const ogi_report *rep, ogi_cell_id c)
{
	int64_t v;
	if (ogi_report_state(rep, c) != OGI_STATE_VALUE || ogi_report_value(&v, rep, c))
		return -1;
	return v;
}

static void overview(ogi__buf *out, gen_rng *r, const ogi_report *rep)
{
	/* the first opening names a doctrine of 2017 onward */
	unsigned int first = ogi_report_year(rep) >= 2018 ? 0 : 1;
	expand(out, r, rep,
	       overview_open[first + gen_below(r, (unsigned int)GEN_COUNT_OF(overview_open) - first)]);
	/* four to seven themes from a random one on, each in one of its wordings or in both */
	unsigned int n = 4 + gen_below(r, 4), style = gen_below(r, 3);
	unsigned int start = gen_below(r, (unsigned int)GEN_COUNT_OF(overview_points));
	for (unsigned int i = 0; i < n; i++) {
		ogi__buf_puts(out, "\n");
		if (style == 0)
			ogi__buf_printf(out, "（%s）", subnum[i]);
		else if (style == 1)
			ogi__buf_printf(out, "%s是", subnum[i]);
		const char *const *theme = overview_points[(start + i) % GEN_COUNT_OF(overview_points)];
		unsigned int w = gen_below(r, 2);
		expand(out, r, rep, theme[w]);
		if (gen_chance(r, 50))
			expand(out, r, rep, theme[1 - w]);
	}
}

static void applications(ogi__buf *out, gen_rng *r, const ogi_report *rep)
{
	const char *agency = ogi_report_meta(rep, OGI_META_AGENCY);
	int legacy = ogi_report_edition(rep) == OGI_EDITION_LEGACY;
	int64_t rec = stated(rep, legacy ? OGI_CELL_LEGACY_REQUESTS_RECEIVED
	                                 : OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL);
	int64_t fin = stated(rep, legacy ? OGI_CELL_LEGACY_REQUESTS_CONCLUDED
	                                 : OGI_CELL_APPLICATIONS_TOTAL_HANDLED_TOTAL);
	int year = ogi_report_year(rep);
	if (rec == 0) {
		ogi__buf_printf(out, "%d年，%s未收到政府信息公开申请。", year, agency);
	} else if (rec > 0) {
		ogi__buf_printf(out, "%d年，%s共收到政府信息公开申请%" PRId64 "件", year, agency, rec);
		if (fin >= 0)
			ogi__buf_printf(out, "，办结%" PRId64 "件", fin);
		ogi__buf_puts(out, "，均在法定期限内予以答复。");
	} else {
		ogi__buf_printf(out, "%d年，%s依法依规办理政府信息公开申请，做到规范受理、及时处理、认真答复。",
		                year, agency);
	}
	if (gen_chance(r, 50))
		ogi__buf_puts(out, "\n对申请人提出的政府信息公开申请，严格按照《条例》规定的程序和时限办理，并通过当面领取、邮寄、电子邮件等方式提供。");
}

static void review(ogi__buf *out, gen_rng *r, const ogi_report *rep)
{
	const char *agency = ogi_report_meta(rep, OGI_META_AGENCY);
	int legacy = ogi_report_edition(rep) == OGI_EDITION_LEGACY;
	int64_t rv, lit;
	if (legacy) {
		rv = stated(rep, OGI_CELL_LEGACY_REVIEW_TOTAL);
		lit = stated(rep, OGI_CELL_LEGACY_LITIGATION_TOTAL);
	} else {
		int64_t a = stated(rep, OGI_CELL_REVIEW_LITIGATION_LITIGATION_DIRECT_TOTAL);
		int64_t b = stated(rep, OGI_CELL_REVIEW_LITIGATION_LITIGATION_AFTER_REVIEW_TOTAL);
		rv = stated(rep, OGI_CELL_REVIEW_LITIGATION_REVIEW_TOTAL);
		lit = a < 0 || b < 0 ? -1 : a + b;
	}
	int year = ogi_report_year(rep);
	if (rv == 0 && lit == 0)
		ogi__buf_printf(out, "%d年，%s未发生因政府信息公开引起的行政复议、行政诉讼案件。", year,
		                agency);
	else if (rv >= 0 && lit >= 0)
		ogi__buf_printf(out, "%d年，%s发生政府信息公开行政复议%" PRId64 "件、行政诉讼%" PRId64 "件。",
		                year, agency, rv, lit);
	else
		ogi__buf_printf(out, "%d年，%s政府信息公开行政复议、行政诉讼情况见下表。", year, agency);
	(void)r;
}

int gen_section_text(ogi__buf *out, gen_rng *r, const ogi_report *rep, ogi_section_id s)
{
	size_t start = out->len;
	int legacy = ogi_report_edition(rep) == OGI_EDITION_LEGACY;
	switch (s) {
	case OGI_SECTION_OVERVIEW:
		overview(out, r, rep);
		break;
	case OGI_SECTION_ACTIVE: {
		int64_t total = legacy ? stated(rep, OGI_CELL_LEGACY_PROACTIVE_TOTAL) : -1;
		if (total >= 0)
			ogi__buf_printf(out, "%d年，%s主动公开政府信息%" PRId64 "条。", ogi_report_year(rep),
			                ogi_report_meta(rep, OGI_META_AGENCY), total);
		else
			expand(out, r, rep, GEN_PICK(r, active_text));
		break;
	}
	case OGI_SECTION_APPLICATIONS:
		applications(out, r, rep);
		break;
	case OGI_SECTION_FEES: {
		int64_t fee = stated(rep, OGI_CELL_LEGACY_FEES);
		if (fee > 0) {
			char t[40];
			gen_format_value(t, sizeof t, fee, OGI_VALUE_MONEY, -1);
			ogi__buf_printf(out, "%d年，%s依申请公开政府信息收取费用%s万元。", ogi_report_year(rep),
			                ogi_report_meta(rep, OGI_META_AGENCY), t);
		} else {
			ogi__buf_printf(out, "%d年，%s未收取政府信息公开相关费用，无减免情况。",
			                ogi_report_year(rep), ogi_report_meta(rep, OGI_META_AGENCY));
		}
		break;
	}
	case OGI_SECTION_REVIEW_LITIGATION:
		review(out, r, rep);
		break;
	case OGI_SECTION_PROBLEMS: {
		/* the problems, then (mostly) the improvements: two to four paragraphs */
		unsigned int a = gen_below(r, (unsigned int)GEN_COUNT_OF(problems_text));
		unsigned int np = 2 + gen_below(r, 3);
		for (unsigned int i = 0; i < np; i++) {
			if (i)
				ogi__buf_puts(out, "\n");
			expand(out, r, rep, problems_text[(a + 2 * i) % GEN_COUNT_OF(problems_text)]);
		}
		break;
	}
	case OGI_SECTION_OTHER:
		expand(out, r, rep, GEN_PICK(r, other_text));
		break;
	default:
		break;
	}
	return out->len > start ? 0 : OGI_EINVAL;
}

static const char *const other_titles[] = {"%Y年上半年政府信息公开工作总结",
                                           "%A%Y年上半年政务公开工作总结",
                                           "%Y年政务公开工作要点"};

int gen_other_text(ogi__buf *out, gen_rng *r, const ogi_report *rep)
{
	static const char *const paras[] = {
		"%Y年上半年，%A在上级政务公开办的指导下，按照政务公开工作部署，主动公开各类信息%M条，依申请公开办结%N件，政务公开工作取得明显成效。",
		"一、推动工作开展。制定印发了年度政务公开重点工作任务分工，明确牵头责任单位，实行条块结合的工作模式。",
		"二、创新工作举措。对各级各部门主动公开内容的更新情况开展专项督查，逐一反馈问题并督促整改。",
		"三、下一步工作计划。完善工作体制，落实问题整改，规范政策文件库，实现文件全生命周期公开。",
		"各单位要高度重视年度报告编制发布工作，严格按照统一格式编制，于规定时间前在政府网站公开。"};
	for (size_t i = 0; i < GEN_COUNT_OF(paras); i++) {
		if (i && !gen_chance(r, 75))
			continue;
		if (out->len)
			ogi__buf_puts(out, "\n");
		expand(out, r, rep, paras[i]);
	}
	return 0;
}

void gen_other_title(ogi__buf *out, gen_rng *r, const ogi_report *rep)
{
	expand(out, r, rep, GEN_PICK(r, other_titles));
}
