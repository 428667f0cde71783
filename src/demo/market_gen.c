/*
 * The demo's market dataset (see market_gen.h).  The generator plans before
 * it writes: per period it fixes the domain postings of every company and
 * role (the named employers by hand, the rest spread over generated tail
 * companies so that role and industry totals land), spreads them over months
 * by quota, gives each posting its openings, education and applications by
 * exact counts, and fits salaries so that the means of months, roles and
 * companies land (a continuous additive fit, then integer thousands corrected
 * group by group).  Only then does it write rows, texts drawn from templates,
 * and it checks every text against the built-in domain keyword list: a
 * non-domain posting or talent must hold none, a domain one at least one.
 * A posting keeps the title its role drew, so a big employer posts the same
 * title many times, as on a platform; only when a posting's whole content
 * (the engine's default repost key) repeats a job of the last 60 days is
 * its title varied (level, team, city and direction), so that every planned
 * posting is a new job under the engine's repost rule; a few postings are
 * shown again 20-45 days later under new ids, the deliberate reposts.
 * All randomness comes from one xoshiro256** stream seeded by splitmix64, and
 * the work is sequential, so a seed gives the same bytes on every run.
 */
#include "demo/market_gen.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "aggregate/dict.h"
#include "aggregate/reposts.h"
#include "clean/city.h"
#include "demo/rng.h"
#include "util/csv_cell.h"
#include "util/fs.h"
#include "util/embedded.h"
#include "util/error.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* ------------------------------------------------------------- calendar */

enum { N_MONTHS = 19, N_PERIODS = 2 };

static const int month_days[N_MONTHS] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
					   31, 29, 31, 30, 31, 30, 31 };

static int month_year(int m)
{
	return m < 12 ? 2023 : 2024;
}

static int month_num(int m)
{
	return m < 12 ? m + 1 : m - 11;
}

static int period_of(int m)
{
	return m < 12 ? 0 : 1;
}

/* Domain postings a month (postings coefficient 10: 2023-03 → 87.2). */
static const int domain_month_postings[N_MONTHS] = { 620, 700, 872, 780, 740, 720, 750,
						     810, 760, 700, 680, 600, 550, 520,
						     771, 720, 680, 630, 660 };
/* Other postings a month: the rest of the platform, for the baseline. */
static const int other_month_postings[N_MONTHS] = { 1600, 1500, 2100, 2000, 1900, 1800, 1850,
						    1900, 1800, 1850, 1900, 1800, 1500, 1400,
						    2000, 1800, 1750, 1700, 1850 };
/* Average salary of a month's domain postings; 0 = free, set so that the
 * period's mean lands. */
static const int month_salary[N_MONTHS] = { 45794, 46900, 48321, 46500, 45600, 45200, 45000,
					    45400, 45100, 44800, 45300, 0,     0,     46000,
					    45700, 46100, 46500, 46900, 47393 };
static const int period_salary[N_PERIODS] = { 45812, 46452 };
/* Supply-demand ratio of the period, per mille. */
static const int period_sdr[N_PERIODS] = { 1730, 1760 };
/* Posts and comments holding 大模型 a month (content coefficient 5). */
static const int content_month[N_MONTHS] = { 70,  330,  434,  475,  520,  560,  605,
					     665, 730,  790,  860,  930,  1005, 1130,
					     1518, 1310, 1355, 1415, 1480 };

#define COEF_POSTINGS 10
#define COEF_APPLICATIONS 20
#define COEF_CONTENT 5
#define COEF_ROLES 20
#define COEF_INDUSTRIES 25
#define COEF_COMPANIES 1
#define MIN_GROUP 20

/* ---------------------------------------------------------------- roles */

/* A domain role (the platform's job category).  n: domain postings per
 * period at scale 1 (-1: the rest of the period's total).  sdr: per mille;
 * below 550 it is the role's exact target (the scarcity rankings), from 550 a
 * natural level that is scaled with the others to the period's ratio.
 * salary24: target mean salary in 2024 (the salary ranking), 0 = natural.
 * base: natural mid salary.  edu: weight for master's and doctor's degrees.
 * kwtags: tags each holding a domain keyword; every domain posting gets one. */
struct role_def {
	const char *name;
	int n[N_PERIODS];
	int sdr[N_PERIODS];
	int salary24;
	int base;
	int edu;
	const char *titles;
	const char *kwtags;
	const char *skills;
	const char *duties;
};

static const struct role_def roles[] = {
	{ "算法工程师", { 1000, 576 }, { 1500, 1450 }, 0, 52000, 3,
	  "算法工程师|高级算法工程师|大模型算法工程师|资深算法工程师|算法专家（大模型方向）",
	  "机器学习|深度学习|预训练模型|模型微调|分布式训练",
	  "Python|PyTorch|大模型|LLM|RAG|CUDA|Transformer",
	  "负责大模型预训练与微调，持续提升模型效果|参与大模型在搜索、推荐等业务场景的落地与迭代|负责对话模型的数据构建、训练与评测" },
	{ "产品经理", { 800, 491 }, { 2700, 2700 }, 0, 41000, 1,
	  "AI产品经理|大模型产品经理|产品经理（AIGC方向）|高级产品经理（智能助手）|产品专家（AI应用）",
	  "AI产品经理|人工智能|大语言模型应用|ChatGPT",
	  "需求分析|Axure|用户研究|AIGC|商业化|B端产品",
	  "负责大模型应用产品的规划与设计，推动产品落地|基于大语言模型应用打造智能助手类产品|跟进AI模型能力边界，设计产品方案并验证效果" },
	{ "Java", { 840, 392 }, { 2300, 2350 }, 0, 37000, 1,
	  "Java开发工程师|高级Java开发工程师|Java后端工程师（AI平台）|资深Java工程师|Java研发工程师（大模型应用）",
	  "AI模型|模型工程|大模型服务化|模型推理|大规模数据处理",
	  "Java|Spring Boot|MySQL|Redis|Kafka|微服务|高并发",
	  "负责大模型服务化平台的后端研发|负责AI模型开放平台的Java服务开发与性能优化|参与模型推理网关与调度系统建设" },
	{ "后端开发", { 700, 357 }, { 2100, 2150 }, 0, 40000, 1,
	  "后端开发工程师|服务端开发工程师|后端研发工程师（大模型平台）|高级后端工程师|资深服务端工程师",
	  "大模型服务化|模型推理|AI模型|模型工程|分布式训练",
	  "Go|Python|Java|微服务|Kubernetes|gRPC|高并发",
	  "负责大模型应用的服务端架构设计与开发|建设模型推理服务与在线调度系统|负责AI模型平台的存储、计算与接口服务" },
	{ "自然语言处理", { 540, 284 }, { 1100, 1050 }, 61900, 60000, 4,
	  "NLP算法工程师|自然语言处理工程师|NLP研究员|对话系统算法工程师|大模型NLP专家",
	  "NLP|自然语言处理|语义理解|文本生成|问答系统|命名实体识别|情感分析",
	  "Python|PyTorch|Transformer|LLM|RAG|信息抽取",
	  "负责对话、问答等自然语言处理任务的模型研发|负责文本生成与语义理解方向的算法优化|参与大模型指令微调与评测体系建设" },
	{ "人工智能工程师", { 280, 249 }, { 1500, 1500 }, 0, 48000, 2,
	  "人工智能工程师|AI工程师|AI应用工程师|大模型应用工程师|人工智能开发工程师",
	  "人工智能|AI模型开发|大语言模型应用|机器学习|AI模型优化",
	  "Python|LangChain|Agent|RAG|向量数据库|Docker",
	  "负责人工智能应用的开发与交付|基于大模型搭建Agent与知识库应用|负责AI模型开发、部署与效果调优" },
	{ "前端开发", { 380, 226 }, { 2400, 2450 }, 0, 34000, 1,
	  "前端开发工程师|高级前端工程师|前端工程师（AIGC产品）|Web前端开发工程师|资深前端工程师",
	  "AI模型|大语言模型应用|ChatGPT|人工智能",
	  "React|Vue|TypeScript|Node.js|小程序|可视化",
	  "负责AIGC产品的前端开发与交互实现|负责大语言模型应用的Web端与小程序开发|参与AI模型体验平台的前端架构建设" },
	{ "C++", { 340, 207 }, { 1700, 1650 }, 0, 42000, 2,
	  "C++开发工程师|高级C++工程师|C++推理引擎工程师|C++高性能计算工程师|资深C++研发工程师",
	  "模型推理|模型加速|模型量化|模型压缩|深度学习框架",
	  "C++|CUDA|TensorRT|Linux|多线程|性能优化",
	  "负责推理引擎的C++开发与性能优化|负责模型加速与量化工具链建设|参与深度学习框架的算子开发" },
	{ "AIGC算法工程师", { 250, 192 }, { 1300, 1250 }, 0, 55000, 3,
	  "AIGC算法工程师|AIGC图像生成算法工程师|AIGC视频生成算法工程师|AIGC算法专家",
	  "文本生成|深度学习|预训练模型|模型微调",
	  "Diffusion|Stable Diffusion|PyTorch|多模态|LoRA",
	  "负责AIGC图像与视频生成算法的研发|负责文生图模型的训练与效果优化|探索多模态生成技术在业务中的应用" },
	{ "推荐算法", { 310, 174 }, { 1100, 1100 }, 0, 56000, 3,
	  "推荐算法工程师|推荐算法专家|高级推荐算法工程师|推荐系统算法工程师",
	  "机器学习|深度学习|模型融合",
	  "推荐系统|CTR预估|Spark|TensorFlow|召回排序",
	  "负责推荐系统召回、排序模型的研发与优化|探索大模型在推荐场景中的应用|负责用户兴趣建模与推荐效果提升" },
	{ "数据开发", { 440, 150 }, { 1900, 1900 }, 0, 38000, 1,
	  "数据开发工程师|大数据开发工程师|高级数据开发工程师|数据仓库工程师",
	  "大规模数据处理|数据增强|机器学习|数据科学",
	  "Hive|Spark|Flink|SQL|数仓建模|Airflow",
	  "负责大模型训练数据的清洗、加工与管理|负责大规模数据处理平台的建设|参与训练语料的数据增强与质量评估" },
	{ "图像识别-计算机视觉", { 400, 140 }, { 1400, 1400 }, 0, 52000, 3,
	  "计算机视觉算法工程师|CV算法工程师|图像算法工程师|视觉算法专家",
	  "计算机视觉|深度学习|模型压缩",
	  "OpenCV|PyTorch|目标检测|图像分割|多模态",
	  "负责图像识别、检测与分割算法的研发|负责视觉大模型的训练与落地|参与端侧视觉模型的压缩与部署" },
	{ "Golang", { 220, 105 }, { 1600, 1600 }, 0, 41000, 1,
	  "Golang开发工程师|Go后端工程师|高级Golang工程师|Go研发工程师（AI平台）",
	  "模型推理|大模型服务化|AI模型|模型工程",
	  "Go|Kubernetes|微服务|Redis|gRPC",
	  "负责大模型服务化网关的Go语言开发|负责模型推理集群的调度与管控服务|参与AI模型平台的后端系统建设" },
	{ "大模型算法", { 120, 95 }, { 420, 380 }, 67800, 66000, 6,
	  "大模型算法工程师|大模型算法专家|LLM算法工程师|大模型预训练算法研究员|大模型对齐算法工程师",
	  "预训练模型|大规模语言模型|模型微调|分布式训练",
	  "RLHF|PyTorch|Megatron|DeepSpeed|LLM",
	  "负责千亿参数大模型的预训练与对齐|负责大规模语言模型的指令微调与强化学习|参与大模型训练框架与评测体系建设" },
	{ "测试开发", { 180, 70 }, { 2600, 2600 }, 0, 30000, 1,
	  "测试开发工程师|AI测试开发工程师|高级测试开发工程师|大模型评测工程师",
	  "AI模型|模型监控|模型稳定性|人工智能",
	  "Python|自动化测试|pytest|性能测试|评测集",
	  "负责大模型产品的测试方案设计与自动化测试|搭建AI模型效果评测与回归体系|保障模型服务的稳定性与质量" },
	{ "架构师", { 120, 62 }, { 1000, 490 }, 62500, 60000, 3,
	  "架构师|大模型平台架构师|AI基础架构师|资深系统架构师|云原生架构师",
	  "模型架构设计|分布式训练|云原生模型训练|大模型服务化",
	  "Kubernetes|分布式系统|GPU集群|高可用|存储",
	  "负责大模型训练与推理平台的整体架构设计|负责GPU集群与分布式训练系统的架构演进|主导AI基础设施的技术选型与落地" },
	{ "Android-安卓", { 150, 60 }, { 2200, 2200 }, 0, 36000, 1,
	  "Android开发工程师|高级Android工程师|Android开发工程师（AI助手）|安卓开发工程师",
	  "AI模型|模型推理|人工智能|模型量化",
	  "Kotlin|Java|Jetpack|端侧部署|性能优化",
	  "负责AI助手App的Android客户端开发|负责端侧模型推理能力在安卓上的集成|参与客户端性能与体验优化" },
	{ "软件工程师", { 130, 58 }, { 2400, 2400 }, 0, 33000, 1,
	  "软件工程师|软件开发工程师|AI软件工程师|高级软件工程师",
	  "人工智能|AI模型开发|深度学习框架|模型集成",
	  "C|C++|Python|Linux|嵌入式",
	  "负责人工智能相关软件模块的设计与开发|参与AI模型集成与工具链开发|负责软件系统的测试、维护与优化" },
	{ "算法研究员", { 90, 55 }, { 800, 460 }, 64000, 62000, 6,
	  "算法研究员|大模型算法研究员|高级算法研究员|AI研究员",
	  "预训练模型|大规模语言模型|自然语言理解|深度学习",
	  "论文|PyTorch|强化学习|多模态|数学",
	  "负责大模型前沿算法的研究与验证|在顶级会议发表研究成果并推动落地|探索推理、对齐与长上下文等方向" },
	{ "广告算法", { 110, 55 }, { 900, 475 }, 60100, 58000, 3,
	  "广告算法工程师|广告算法专家|商业化算法工程师|广告策略算法工程师",
	  "机器学习|深度学习|超参数调优",
	  "CTR预估|出价策略|TensorFlow|Spark",
	  "负责广告召回、排序与出价算法的研发|探索大模型在广告创意生成中的应用|负责商业化效果的建模与优化" },
	{ "搜索算法", { 95, 50 }, { 440, 400 }, 63200, 61000, 4,
	  "搜索算法工程师|搜索算法专家|搜索排序算法工程师|AI搜索算法工程师",
	  "语义理解|自然语言处理|问答系统|机器学习",
	  "排序|召回|Query理解|向量检索|RAG",
	  "负责搜索召回、排序与Query理解的算法研发|建设基于大模型的AI搜索与问答系统|负责检索增强生成链路的效果优化" },
	{ "云计算", { 90, 50 }, { 250, 330 }, 60400, 58000, 2,
	  "云计算工程师|云平台开发工程师|GPU云计算工程师|云计算架构师|智算平台工程师",
	  "云原生模型训练|分布式训练|大模型服务化|模型加速",
	  "Kubernetes|OpenStack|GPU调度|虚拟化|RDMA",
	  "负责智算云平台的研发与运维|负责GPU资源调度与云原生模型训练平台建设|参与大模型服务化的云端架构设计" },
	{ "数据挖掘", { 100, 45 }, { 460, 900 }, 60800, 58000, 3,
	  "数据挖掘工程师|数据挖掘专家|高级数据挖掘工程师|数据科学家",
	  "数据科学|机器学习|大规模数据处理|数据增强",
	  "Python|SQL|Spark|特征工程|统计建模",
	  "负责业务数据的挖掘与建模|负责用户画像与增长模型的研发|参与大模型训练数据的挖掘与筛选" },
	{ "数字前端工程师", { 70, 40 }, { 290, 420 }, 64800, 62000, 3,
	  "数字前端工程师|数字IC前端设计工程师|AI芯片数字前端工程师|高级数字前端设计工程师",
	  "模型加速|人工智能|深度学习|模型量化",
	  "Verilog|SystemVerilog|SoC|综合|时序分析",
	  "负责AI芯片的数字前端设计与验证|负责模型加速模块的RTL设计|参与芯片架构定义与性能评估" },
	{ "深度学习", { 110, 40 }, { 380, 1000 }, 0, 54000, 4,
	  "深度学习工程师|深度学习算法工程师|深度学习框架开发工程师|深度学习研究员",
	  "深度学习|深度学习框架|模型加速|分布式训练",
	  "PyTorch|CUDA|算子开发|混合精度",
	  "负责深度学习模型的研发与训练|负责深度学习框架的性能优化|参与大模型训练效率的提升" },
	{ "机器学习", { 120, 40 }, { 320, 900 }, 0, 53000, 4,
	  "机器学习工程师|机器学习平台工程师|机器学习算法工程师|机器学习研究员",
	  "机器学习|模型工程|超参数调优|模型集成",
	  "Python|XGBoost|Spark|MLOps|特征平台",
	  "负责机器学习平台的建设与算法研发|负责模型训练、评估与上线流程|参与AutoML与超参数调优工具的开发" },
	{ "音视频算法", { 60, 38 }, { 800, 355 }, 0, 55000, 3,
	  "音视频算法工程师|音频算法工程师|视频算法工程师|多媒体算法专家",
	  "深度学习|计算机视觉|模型压缩",
	  "音频处理|视频编解码|FFmpeg|降噪|超分",
	  "负责音视频增强、降噪与超分算法的研发|负责音视频大模型的训练与落地|参与实时音视频质量优化" },
	{ "语音算法", { 70, 38 }, { 900, 445 }, 0, 55000, 3,
	  "语音算法工程师|语音合成算法工程师|语音识别算法工程师|语音大模型算法工程师",
	  "深度学习|自然语言处理|预训练模型",
	  "ASR|TTS|Kaldi|声学模型|PyTorch",
	  "负责语音识别与语音合成算法的研发|负责语音大模型的训练与优化|参与语音交互产品的算法落地" },
	{ "反欺诈-风控算法", { 70, 40 }, { 390, 430 }, 61300, 58000, 3,
	  "风控算法工程师|反欺诈算法工程师|信贷风控算法专家|风控模型算法工程师",
	  "机器学习|模型风险管理|模型监控|模型解释性",
	  "评分卡|XGBoost|图计算|SQL",
	  "负责反欺诈与信贷风控模型的研发|负责风控策略的建模与监控|探索大模型在风控场景中的应用" },
	{ "自动驾驶", { 80, 35 }, { 350, 800 }, 58600, 55000, 3,
	  "自动驾驶工程师|自动驾驶感知工程师|自动驾驶规划控制工程师|自动驾驶仿真工程师",
	  "智能驾驶|计算机视觉|深度学习",
	  "BEV|多传感器融合|ROS|C++|点云",
	  "负责智能驾驶感知模块的研发|负责规划控制算法的开发与路测|参与端到端自动驾驶大模型的研发" },
	{ "多模态算法", { 40, 30 }, { 480, 700 }, 0, 57000, 5,
	  "多模态算法工程师|多模态大模型算法工程师|视觉语言模型算法工程师|多模态算法研究员",
	  "预训练模型|计算机视觉|自然语言理解",
	  "CLIP|ViT|PyTorch|多模态|视频理解",
	  "负责图文、视频多模态大模型的研发|负责视觉语言模型的预训练与微调|探索多模态理解与生成技术" },
	{ "策略运营", { 60, 30 }, { 2500, 2500 }, 0, 28000, 1,
	  "策略运营|AI策略运营|大模型数据策略运营|内容策略运营",
	  "数据增强|模型监控|人工智能|ChatGPT",
	  "数据分析|SQL|标注质检|运营策略",
	  "负责大模型训练数据的策略制定与质量把控|负责AI产品的运营策略与效果分析|协同算法团队优化模型表现" },
	{ "运维开发", { 70, 28 }, { 2300, 2300 }, 0, 32000, 1,
	  "运维开发工程师|SRE工程师|GPU集群运维开发工程师|DevOps工程师",
	  "分布式训练|模型监控|云原生模型训练|模型稳定性",
	  "Linux|Kubernetes|Prometheus|Ansible|GPU",
	  "负责GPU训练集群的运维与自动化|负责模型服务的监控与稳定性保障|参与云原生平台的运维开发" },
	{ "数据分析师", { -1, -1 }, { 2600, 2600 }, 0, 30000, 1,
	  "数据分析师|高级数据分析师|商业数据分析师|AI数据分析师",
	  "数据科学|机器学习|大规模数据处理",
	  "SQL|Python|Tableau|A/B测试",
	  "负责业务数据分析与指标体系建设|分析大模型产品的用户行为与效果|输出数据报告支持业务决策" },
	{ "语音识别", { 25, 12 }, { 900, 900 }, 0, 50000, 3,
	  "语音识别工程师|ASR工程师|语音识别研发工程师",
	  "深度学习|自然语言处理|模型压缩",
	  "ASR|声学模型|C++|解码器",
	  "负责语音识别系统的研发与优化|负责语音识别模型的训练与部署" },
	{ "图像识别计算机视觉", { 10, 6 }, { 1000, 1000 }, 0, 50000, 3,
	  "图像识别工程师|视觉识别工程师|CV工程师",
	  "计算机视觉|深度学习",
	  "OpenCV|目标检测|PyTorch",
	  "负责图像识别算法的研发与落地|负责视觉模型的训练与评测" },
};

enum { N_ROLES = sizeof(roles) / sizeof(roles[0]) };

static int role_find(const char *name, size_t len)
{
	for (int i = 0; i < N_ROLES; i++)
		if (strlen(roles[i].name) == len && memcmp(roles[i].name, name, len) == 0)
			return i;
	return -1;
}

/* ----------------------------------------------------------- industries */

/* Domain postings of an industry in 2024 at scale 1 (industries coefficient
 * 25: 纯互联网 1869 → 74.76); -1 = the rest of the total. */
struct industry_def {
	const char *name;
	int n24;
	const char *suffix[2];
};

static const struct industry_def industries[] = {
	{ "纯互联网", 1869, { "科技", "网络" } },
	{ "电子商务&新零售", 683, { "优选", "电商" } },
	{ "新生活服务", 420, { "到家", "生活" } },
	{ "新金融科技", 360, { "金服", "数科" } },
	{ "游戏", 300, { "互娱", "游戏" } },
	{ "人工智能", 270, { "智能", "智算" } },
	{ "智能硬件", 180, { "电子", "智造" } },
	{ "汽车出行", 150, { "汽车", "出行" } },
	{ "企业服务", 140, { "软件", "云服务" } },
	{ "半导体", 90, { "微电子", "芯片" } },
	{ "医疗健康", 40, { "医疗", "健康" } },
	{ "教育培训", -1, { "教育", "学堂" } },
};

enum { N_INDUSTRIES = sizeof(industries) / sizeof(industries[0]) };

static int industry_find(const char *name)
{
	for (int i = 0; i < N_INDUSTRIES; i++)
		if (strcmp(industries[i].name, name) == 0)
			return i;
	return -1;
}

/* -------------------------------------------------------------- cities */

struct city_def {
	const char *name;
	const char *districts; /* "|"-separated, may be "" */
	int talents;           /* domain talents with this city, scale 1 */
	int weight;            /* weight for postings of tail companies and others */
};

static const struct city_def cities[] = {
	{ "北京", "海淀区|朝阳区|昌平区|东城区|西城区", 1931, 30 },
	{ "上海", "浦东新区|徐汇区|闵行区|长宁区|杨浦区", 1010, 20 },
	{ "深圳", "南山区|福田区|宝安区|龙岗区", 860, 15 },
	{ "杭州", "余杭区|西湖区|滨江区", 640, 11 },
	{ "广州", "天河区|海珠区|番禺区", 300, 6 },
	{ "成都", "高新区|武侯区|锦江区", 230, 4 },
	{ "南京", "鼓楼区|江宁区|建邺区", 190, 3 },
	{ "武汉", "洪山区|江夏区|东湖高新区", 170, 3 },
	{ "西安", "雁塔区|高新区", 140, 2 },
	{ "苏州", "工业园区|姑苏区", 120, 2 },
	{ "合肥", "蜀山区|高新区", 100, 2 },
	{ "天津", "滨海新区|南开区", 70, 1 },
	{ "重庆", "渝北区|江北区", 60, 1 },
	{ "长沙", "岳麓区", 55, 1 },
	{ "厦门", "思明区", 45, 1 },
	{ "青岛", "崂山区", 30, 1 },
	{ "济南", "历下区", 25, 1 },
	{ "郑州", "金水区", 24, 1 },
};

enum { N_CITIES = sizeof(cities) / sizeof(cities[0]) };

static int city_find(const char *name)
{
	for (int i = 0; i < N_CITIES; i++)
		if (strcmp(cities[i].name, name) == 0)
			return i;
	return 0;
}

/* ----------------------------------------------------------- companies */

/* A named employer.  roles24: its domain postings in 2024 at scale 1
 * ("role:count,…"; for the grouped companies the five first are the table of
 * PART 2, strictly decreasing).  salary24: target mean salary in 2024, 0 =
 * natural; premium: natural premium on the role's salary. */
struct named_company {
	const char *name, *industry, *group, *hq;
	int salary24, premium;
	const char *roles24;
	const char *product, *employees, *funding, *valuation;
};

static const struct named_company named[] = {
	/* 头部科技企业 */
	{ "阿里巴巴", "电子商务&新零售", "头部科技企业", "杭州", 48000, 4000,
	  "Java:16,产品经理:13,后端开发:11,算法工程师:9,广告算法:7,前端开发:4,推荐算法:3,自然语言处理:2,C++:1",
	  "通义千问", "10000人以上", "已上市", "" },
	{ "百度", "纯互联网", "头部科技企业", "北京", 49000, 4000,
	  "产品经理:11,推荐算法:9,算法工程师:7,后端开发:5,自然语言处理:4,Java:2,前端开发:2,搜索算法:2,C++:1,大模型算法:1",
	  "文心一言", "10000人以上", "已上市", "" },
	{ "华为", "智能硬件", "头部科技企业", "深圳", 46000, 3000,
	  "人工智能工程师:12,算法工程师:10,后端开发:8,Java:6,软件工程师:5,C++:3,数字前端工程师:2,云计算:2",
	  "盘古大模型", "10000人以上", "未上市", "" },
	{ "腾讯", "纯互联网", "头部科技企业", "深圳", 47000, 4000,
	  "产品经理:13,C++:11,Android-安卓:9,后端开发:7,Golang:5,算法工程师:3,自然语言处理:2,前端开发:2,推荐算法:1",
	  "混元大模型", "10000人以上", "已上市", "" },
	{ "字节跳动", "纯互联网", "头部科技企业", "北京", 42000, 2000,
	  "后端开发:26,产品经理:22,前端开发:18,算法工程师:14,策略运营:10,推荐算法:5,测试开发:4,Java:3,自然语言处理:2,AIGC算法工程师:1",
	  "豆包", "10000人以上", "未上市", "" },
	/* 大模型五虎 */
	{ "百川智能", "人工智能", "大模型五虎", "北京", 61000, 8000,
	  "算法工程师:8,人工智能工程师:6,深度学习:4,AIGC算法工程师:3,图像识别-计算机视觉:2,后端开发:1,产品经理:1,自然语言处理:1",
	  "百川智能", "240人", "50亿人民币", "200亿人民币" },
	{ "零一万物", "人工智能", "大模型五虎", "北京", 68000, 12000,
	  "人工智能工程师:9,大模型算法:7,算法工程师:6,后端开发:4,语音算法:3,产品经理:1,前端开发:1,自然语言处理:1",
	  "Yi-Large", "100人左右", "数亿美元", "10亿美元" },
	{ "MiniMax", "人工智能", "大模型五虎", "上海", 58000, 8000,
	  "算法工程师:8,后端开发:6,推荐算法:4,广告算法:3,C++:2,产品经理:1",
	  "ABAB", "263人", "8亿美元", "25亿美元" },
	{ "月之暗面", "人工智能", "大模型五虎", "北京", 67000, 12000,
	  "人工智能工程师:8,AIGC算法工程师:6,算法工程师:4,自然语言处理:3,算法研究员:2,后端开发:1,前端开发:1",
	  "KIMI", "100人左右", "10亿美元", "33亿美元" },
	{ "智谱AI", "人工智能", "大模型五虎", "北京", 59000, 8000,
	  "自然语言处理:9,算法工程师:7,大模型算法:5,产品经理:3,人工智能工程师:2,后端开发:1,前端开发:1",
	  "智谱清言", "800人", "24亿美元", "30亿美元" },
	/* AI垂类企业 */
	{ "第四范式", "人工智能", "AI垂类企业", "北京", 54000, 5000,
	  "算法工程师:8,自然语言处理:6,图像识别计算机视觉:4,机器学习:3,语音识别:2,后端开发:1",
	  "式说", "1000-9999人", "已上市", "" },
	{ "昆仑万维", "纯互联网", "AI垂类企业", "北京", 70000, 15000,
	  "AIGC算法工程师:8,算法工程师:6,自然语言处理:4,大模型算法:3,人工智能工程师:2,后端开发:1,产品经理:1",
	  "天工", "1000-9999人", "已上市", "" },
	{ "科大讯飞", "人工智能", "AI垂类企业", "合肥", 45000, 0,
	  "算法工程师:9,自然语言处理:7,架构师:5,产品经理:4,Android-安卓:3,语音算法:1,后端开发:1",
	  "讯飞星火", "10000人以上", "已上市", "" },
	{ "商汤", "人工智能", "AI垂类企业", "上海", 52000, 3000,
	  "图像识别-计算机视觉:9,自然语言处理:6,算法工程师:5,C++:4,人工智能工程师:2,后端开发:1,产品经理:1",
	  "日日新", "1000-9999人", "已上市", "" },
	/* other named employers, no group */
	{ "小红书", "纯互联网", "", "上海", 54000, 9000,
	  "算法工程师:12,推荐算法:10,产品经理:10,后端开发:9,前端开发:7,自然语言处理:6,搜索算法:5,Java:4,AIGC算法工程师:4,数据开发:4",
	  NULL, NULL, NULL, NULL },
	{ "美团", "新生活服务", "", "北京", 44000, 2000,
	  "Java:12,产品经理:10,算法工程师:9,后端开发:7,推荐算法:6,搜索算法:4,前端开发:4,数据开发:3,自然语言处理:3",
	  NULL, NULL, NULL, NULL },
	{ "快手", "纯互联网", "", "北京", 47000, 4000,
	  "推荐算法:7,算法工程师:7,产品经理:6,后端开发:5,C++:4,音视频算法:4,前端开发:3,AIGC算法工程师:2,Java:2",
	  NULL, NULL, NULL, NULL },
	{ "京东", "电子商务&新零售", "", "北京", 40000, 0,
	  "Java:10,算法工程师:6,产品经理:5,后端开发:4,推荐算法:3,搜索算法:3,数据开发:3,前端开发:2",
	  NULL, NULL, NULL, NULL },
	{ "马上消费金融", "新金融科技", "", "重庆", 84000, 30000,
	  "反欺诈-风控算法:6,算法工程师:6,大模型算法:4,自然语言处理:4,数据挖掘:2,Java:2",
	  NULL, NULL, NULL, NULL },
	{ "Momenta", "汽车出行", "", "北京", 66000, 12000,
	  "自动驾驶:6,算法工程师:6,深度学习:4,C++:4,图像识别-计算机视觉:4", NULL, NULL, NULL,
	  NULL },
	{ "理想汽车", "汽车出行", "", "北京", 65000, 12000,
	  "自动驾驶:6,算法工程师:5,人工智能工程师:4,大模型算法:3,C++:3,产品经理:3,数字前端工程师:2",
	  NULL, NULL, NULL, NULL },
	{ "蘑菇车联", "汽车出行", "", "北京", 64000, 12000,
	  "自动驾驶:6,算法工程师:5,图像识别-计算机视觉:4,C++:3,云计算:2,后端开发:2", NULL, NULL,
	  NULL, NULL },
	{ "vivo", "智能硬件", "", "深圳", 63000, 12000,
	  "算法工程师:6,人工智能工程师:4,语音算法:4,数字前端工程师:4,产品经理:3,Android-安卓:3,图像识别-计算机视觉:2",
	  NULL, NULL, NULL, NULL },
	{ "传音控股", "智能硬件", "", "深圳", 62000, 12000,
	  "算法工程师:6,人工智能工程师:4,图像识别-计算机视觉:4,Android-安卓:4,产品经理:2,语音算法:2",
	  NULL, NULL, NULL, NULL },
	{ "蚂蚁集团", "新金融科技", "", "杭州", 57000, 6000,
	  "算法工程师:6,Java:6,反欺诈-风控算法:4,自然语言处理:4,产品经理:4,大模型算法:2,搜索算法:2",
	  NULL, NULL, NULL, NULL },
	{ "拼多多", "电子商务&新零售", "", "上海", 56000, 6000,
	  "推荐算法:6,算法工程师:5,Java:5,后端开发:4,搜索算法:3,广告算法:3", NULL, NULL, NULL,
	  NULL },
	{ "网易", "游戏", "", "杭州", 48000, 3000,
	  "算法工程师:5,产品经理:5,后端开发:4,自然语言处理:4,AIGC算法工程师:4,前端开发:3", NULL,
	  NULL, NULL, NULL },
	{ "米哈游", "游戏", "", "上海", 58000, 8000,
	  "AIGC算法工程师:6,算法工程师:5,人工智能工程师:4,C++:4,自然语言处理:3", NULL, NULL, NULL,
	  NULL },
	{ "滴滴", "新生活服务", "", "北京", 50000, 3000,
	  "算法工程师:6,后端开发:5,Java:4,产品经理:4,推荐算法:3,搜索算法:2", NULL, NULL, NULL,
	  NULL },
	{ "携程", "新生活服务", "", "上海", 42000, 0,
	  "Java:6,算法工程师:4,产品经理:4,后端开发:3,推荐算法:3", NULL, NULL, NULL, NULL },
	{ "哔哩哔哩", "纯互联网", "", "上海", 0, 2000,
	  "算法工程师:5,推荐算法:4,后端开发:4,产品经理:3,音视频算法:3,前端开发:3,Golang:2", NULL,
	  NULL, NULL, NULL },
	{ "360", "纯互联网", "", "北京", 0, 2000,
	  "算法工程师:5,产品经理:4,后端开发:4,自然语言处理:3,C++:3,Java:2", NULL, NULL, NULL,
	  NULL },
	{ "小米", "智能硬件", "", "北京", 0, 2000,
	  "算法工程师:5,Android-安卓:4,人工智能工程师:4,C++:3,语音算法:2,产品经理:2,自动驾驶:2",
	  NULL, NULL, NULL, NULL },
	{ "平安科技", "新金融科技", "", "深圳", 0, 0,
	  "算法工程师:5,Java:4,自然语言处理:3,反欺诈-风控算法:3,数据挖掘:2,产品经理:2", NULL,
	  NULL, NULL, NULL },
	{ "金山办公", "企业服务", "", "北京", 0, 0,
	  "产品经理:4,算法工程师:4,C++:3,后端开发:3,自然语言处理:2,前端开发:2", NULL, NULL, NULL,
	  NULL },
	{ "寒武纪", "半导体", "", "北京", 0, 6000,
	  "数字前端工程师:5,C++:4,软件工程师:3,深度学习:3,架构师:2", NULL, NULL, NULL, NULL },
	{ "阶跃星辰", "人工智能", "", "上海", 0, 10000,
	  "算法工程师:4,大模型算法:3,多模态算法:3,后端开发:2,算法研究员:2", NULL, NULL, NULL,
	  NULL },
};

enum { N_NAMED = sizeof(named) / sizeof(named[0]), N_GROUPED = 14 };

/* Employers seen only in postings outside the domain. */
static const struct {
	const char *name, *industry, *hq;
} plain_companies[] = {
	{ "顺丰速运", "物流", "深圳" },	      { "海底捞", "餐饮", "北京" },
	{ "链家", "房产服务", "北京" },	      { "瑞幸咖啡", "餐饮", "厦门" },
	{ "新东方", "教育培训", "北京" },     { "招商银行", "银行", "深圳" },
	{ "比亚迪", "汽车出行", "深圳" },     { "安踏", "消费品", "厦门" },
	{ "名创优品", "电子商务&新零售", "广州" }, { "喜茶", "餐饮", "深圳" },
	{ "中通快递", "物流", "上海" },	      { "蜜雪冰城", "餐饮", "郑州" },
	{ "贝壳找房", "房产服务", "北京" },   { "泡泡玛特", "消费品", "北京" },
	{ "元气森林", "消费品", "北京" },     { "盒马", "电子商务&新零售", "上海" },
};

enum { N_PLAIN = sizeof(plain_companies) / sizeof(plain_companies[0]) };

/* Words for the names of generated tail companies. */
static const char *const tail_prefix[] = {
	"星河", "云帆", "极光", "蓝鲸", "青藤", "数澜", "微澜", "晨曦", "远山", "海豚", "北辰",
	"南风", "东篱", "西岭", "千帆", "万象", "启明", "长亭", "清风", "明月", "飞鱼", "白鹭",
	"灵犀", "云杉", "松果", "橙子", "柚子", "蜂巢", "麦田", "稻草人", "星火", "火花", "光年",
	"秒针", "指南针", "方舟", "帆船", "灯塔", "浪花", "鲸鱼", "山海", "江南", "九州", "八方",
	"六合", "三叶草", "一点", "十方", "百草", "千寻", "云图", "墨迹", "流光", "银河", "金桥",
	"玉兔", "青鸟", "紫金", "赤兔", "黑石", "白杨", "绿洲", "蓝图", "红枫", "木星", "土星",
	"水滴", "冰川", "雪山", "峰峦", "河马", "斑马", "考拉", "熊猫", "猎豹", "鹿角", "竹林",
	"梧桐", "石榴", "向日葵", "蒲公英", "风车", "萤火", "彩虹", "琥珀", "翡翠", "珊瑚",
};

enum { N_TAIL_PREFIX = sizeof(tail_prefix) / sizeof(tail_prefix[0]) };

/* ----------------------------------------------------- jobs outside AI */

struct plain_job {
	const char *category;
	const char *titles;
	const char *skills;
	const char *duties;
	int base;
	int weight;
	int level; /* 0 low-skill, 1 office, 2 professional */
};

static const struct plain_job plain_jobs[] = {
	{ "销售", "销售代表|大客户销售|销售经理|渠道销售经理", "客户开发|商务谈判|CRM|地推",
	  "负责区域客户开发与维护，完成销售目标|拓展渠道合作伙伴，推动签约回款", 14000, 12, 1 },
	{ "客户经理", "客户经理|理财经理|对公客户经理", "客户维护|金融产品|沟通协调",
	  "负责存量客户的维护与产品推荐|开拓新客户并完成业绩指标", 13000, 6, 1 },
	{ "运营", "用户运营|活动运营|社区运营|内容运营", "活动策划|数据复盘|用户增长|文案",
	  "负责社区内容生态建设与活动策划|负责用户增长与留存，定期复盘数据", 15000, 10, 1 },
	{ "新媒体运营", "新媒体运营|短视频运营|直播运营", "抖音|小红书|剪辑|选题策划",
	  "负责品牌新媒体账号的内容策划与运营|负责短视频选题、拍摄与投放", 12000, 6, 1 },
	{ "电商运营", "电商运营|天猫运营|店铺运营|京东运营", "店铺运营|直通车|活动策划|选品",
	  "负责天猫店铺日常运营与大促活动|负责商品上新、定价与流量提升", 13000, 7, 1 },
	{ "人力资源", "HRBP|招聘专员|薪酬绩效专员|培训专员", "招聘|员工关系|绩效|劳动法",
	  "负责业务部门的招聘与人才盘点|负责薪酬核算与绩效考核的组织", 13000, 5, 1 },
	{ "行政", "行政专员|前台|行政主管", "办公软件|会务|采购", "负责公司日常行政事务与会务接待|负责办公用品采购与资产管理",
	  9000, 4, 0 },
	{ "财务", "会计|财务分析师|出纳|税务专员", "财务报表|税务|用友|金蝶",
	  "负责公司账务处理与报表编制|负责税务申报与资金管理", 12000, 5, 1 },
	{ "市场营销", "市场经理|品牌经理|市场推广专员", "品牌策划|活动执行|投放|公关",
	  "负责品牌推广与市场活动的策划执行|负责线上投放与渠道合作", 16000, 5, 1 },
	{ "产品经理", "产品经理|高级产品经理（交易方向）|B端产品经理|支付产品经理",
	  "需求分析|Axure|原型设计|项目管理", "负责交易链路产品的规划与迭代|负责B端后台系统的需求梳理与设计", 25000, 6, 2 },
	{ "Java", "Java开发工程师|Java后端开发|高级Java工程师（订单系统）", "Java|Spring Cloud|MySQL|Redis",
	  "负责订单与支付系统的后端开发|负责业务中台服务的设计与实现", 24000, 7, 2 },
	{ "前端开发", "前端开发工程师|H5开发工程师|小程序开发工程师", "Vue|React|小程序|CSS",
	  "负责商城H5与小程序页面开发|负责管理后台的前端开发与维护", 20000, 5, 2 },
	{ "测试工程师", "测试工程师|功能测试工程师|自动化测试工程师", "测试用例|Selenium|接口测试|JMeter",
	  "负责业务系统的功能与接口测试|编写测试用例并跟踪缺陷", 16000, 4, 2 },
	{ "UI设计", "UI设计师|交互设计师|视觉设计师", "Figma|Sketch|PS|交互设计",
	  "负责App与网页的界面视觉设计|负责产品交互方案与设计规范", 17000, 4, 2 },
	{ "物流", "仓储主管|物流专员|调度员|配送站长", "仓储管理|WMS|排班|成本控制",
	  "负责仓库收发货与库存管理|负责配送线路调度与时效管理", 9000, 6, 0 },
	{ "客服", "客服专员|在线客服|售后专员", "沟通|耐心|工单系统", "负责在线咨询与售后问题处理|跟进客户投诉并及时反馈",
	  7000, 6, 0 },
	{ "门店管理", "店长|储备店长|门店主管", "门店运营|排班|陈列|团队管理",
	  "负责门店日常经营与团队管理|负责门店业绩、服务与食品安全", 10000, 6, 0 },
	{ "法务", "法务专员|合规专员|法务经理", "合同审核|合规|诉讼", "负责公司合同审核与法律风险防范|负责合规制度建设与培训",
	  18000, 2, 2 },
	{ "采购", "采购专员|供应链经理|采购经理", "供应商管理|成本控制|谈判", "负责供应商开发与采购谈判|负责供应链计划与库存周转",
	  13000, 3, 1 },
	{ "嵌入式", "嵌入式软件工程师|硬件工程师|单片机开发工程师", "C语言|RTOS|STM32|电路设计",
	  "负责嵌入式软件与驱动开发|负责硬件电路设计与调试", 20000, 4, 2 },
	{ "游戏策划", "游戏策划|数值策划|关卡策划", "系统设计|数值平衡|Excel", "负责游戏玩法与系统的策划设计|负责数值体系搭建与平衡调整",
	  18000, 3, 2 },
	{ "教育", "课程顾问|学科老师|教研员", "课程咨询|教学|教研", "负责课程咨询与学员转化|负责学科教学与教研工作", 10000, 4, 1 },
	{ "运维", "运维工程师|IT支持工程师|网络工程师", "Linux|网络|Shell|监控告警", "负责服务器与网络设备的日常运维|负责办公IT支持与故障处理",
	  15000, 3, 2 },
	{ "商业分析", "商业分析师|经营分析专员|BI工程师", "SQL|Excel|Tableau|报表", "负责经营数据的分析与周报输出|负责BI看板与指标体系建设",
	  18000, 3, 2 },
};

enum { N_PLAIN_JOBS = sizeof(plain_jobs) / sizeof(plain_jobs[0]) };

static const char *const welfare_tags[] = { "五险一金", "带薪年假", "弹性工作", "餐补", "年终奖",
					    "定期体检", "股票期权", "免费班车", "团建",
					    "节日福利" };

/* ----------------------------------------------------------- the plan */

enum education {
	EDU_UNKNOWN,
	EDU_ANY,
	EDU_SECONDARY,
	EDU_ASSOCIATE,
	EDU_BACHELOR,
	EDU_MASTER,
	EDU_DOCTOR,
};

enum salary_kind { SAL_OK, SAL_NEGOTIABLE, SAL_IMPLAUSIBLE, SAL_UNPARSED };

struct company {
	char name[64];
	const char *industry;
	int named;    /* index into named[], -1 */
	int city;     /* hq */
	int premium;
	int salary24; /* target, 0 none */
	int weight;   /* for postings outside the domain */
};

struct posting {
	double v;      /* continuous mid salary while fitting */
	unsigned id;
	int month, day;
	int role;      /* roles[] for domain postings, plain_jobs[] otherwise */
	int company;
	int city;
	int openings;
	int apps;      /* applications (domain: exact plan) */
	int lo, hi;    /* salary in thousands a month */
	int groups[3]; /* salary groups, -1 */
	unsigned char domain, sal_kind, edu, dup, repost;
	uint32_t key;  /* ordering tie-break */
};

struct plan {
	struct rng rng;
	uint64_t seed;
	unsigned scale;
	struct company *companies;
	size_t ncompanies, companies_cap;
	struct posting *posts;
	size_t nposts, posts_cap;
	size_t ntalents_domain, ntalents;
};

static void plan_add_company(struct plan *pl, const char *name, const char *industry, int named_ix,
			     int city, int premium, int salary24, int weight)
{
	GROW(pl->companies, pl->companies_cap, pl->ncompanies + 1);
	struct company *c = &pl->companies[pl->ncompanies++];
	memset(c, 0, sizeof(*c));
	snprintf(c->name, sizeof(c->name), "%s", name);
	c->industry = industry;
	c->named = named_ix;
	c->city = city;
	c->premium = premium;
	c->salary24 = salary24;
	c->weight = weight;
}

static struct posting *plan_add_posting(struct plan *pl)
{
	GROW(pl->posts, pl->posts_cap, pl->nposts + 1);
	struct posting *p = &pl->posts[pl->nposts++];
	memset(p, 0, sizeof(*p));
	p->groups[0] = p->groups[1] = p->groups[2] = -1;
	p->key = (uint32_t)rng_next(&pl->rng);
	return p;
}

/* Parses "role:count,…" into counts[N_ROLES]. */
static enum ts_status parse_role_spec(const char *spec, int *counts, struct ts_error *err)
{
	const char *s = spec;
	while (*s) {
		const char *colon = strchr(s, ':');
		if (!colon)
			break;
		int r = role_find(s, (size_t)(colon - s));
		char *end;
		long n = strtol(colon + 1, &end, 10);
		if (r < 0 || n <= 0)
			return error_set(err, TS_EDATA, NULL, 0,
					 "demo: bad role in company plan '%s'", spec);
		counts[r] += (int)n;
		s = *end == ',' ? end + 1 : end;
	}
	return TS_OK;
}

/* Domain postings of a period: per company and role, named employers by
 * hand, the rest over tail companies so that roles and industries land. */
static enum ts_status plan_domain(struct plan *pl, struct ts_error *err)
{
	const unsigned S = pl->scale;
	int role_total[N_PERIODS][N_ROLES];
	int period_total[N_PERIODS] = { 0, 0 };
	for (int m = 0; m < N_MONTHS; m++)
		period_total[period_of(m)] += domain_month_postings[m];
	for (int p = 0; p < N_PERIODS; p++) {
		int sum = 0, slack = -1;
		for (int r = 0; r < N_ROLES; r++) {
			role_total[p][r] = roles[r].n[p];
			if (roles[r].n[p] < 0)
				slack = r;
			else
				sum += roles[r].n[p];
		}
		role_total[p][slack] = period_total[p] - sum;
		if (role_total[p][slack] < 0)
			return error_set(err, TS_EDATA, NULL, 0, "demo: role plan exceeds the total");
	}

	/* named companies: 2024 as given, 2023 at 1.7 times */
	int named_roles[N_NAMED][N_ROLES];
	memset(named_roles, 0, sizeof(named_roles));
	for (int c = 0; c < N_NAMED; c++) {
		enum ts_status st = parse_role_spec(named[c].roles24, named_roles[c], err);
		if (st != TS_OK)
			return st;
	}
	int ind_named24[N_INDUSTRIES] = { 0 };
	size_t first_post = pl->nposts;
	for (int p = 0; p < N_PERIODS; p++) {
		for (int c = 0; c < N_NAMED; c++) {
			for (int r = 0; r < N_ROLES; r++) {
				int n = named_roles[c][r];
				if (p == 0)
					n = (n * 17 + 5) / 10;
				if (n == 0)
					continue;
				role_total[p][r] -= n;
				if (p == 1)
					ind_named24[industry_find(named[c].industry)] += n;
				for (unsigned k = 0; k < n * S; k++) {
					struct posting *ps = plan_add_posting(pl);
					ps->month = p; /* period for now */
					ps->role = r;
					ps->company = c;
					ps->domain = 1;
				}
			}
		}
		for (int r = 0; r < N_ROLES; r++)
			if (role_total[p][r] < 0)
				return error_set(err, TS_EDATA, NULL, 0,
						 "demo: named companies exceed role %s in period %d",
						 roles[r].name, p);
	}

	/* industry totals of the tail, 2024 exact, 2023 in the same shares */
	int tail24[N_INDUSTRIES], tail23[N_INDUSTRIES];
	int total24 = period_total[1], sum = 0, slack = -1;
	for (int i = 0; i < N_INDUSTRIES; i++) {
		if (industries[i].n24 < 0)
			slack = i;
		else
			sum += industries[i].n24;
	}
	for (int i = 0; i < N_INDUSTRIES; i++) {
		int n = i == slack ? total24 - sum : industries[i].n24;
		tail24[i] = n - ind_named24[i];
		if (tail24[i] < 0)
			return error_set(err, TS_EDATA, NULL, 0,
					 "demo: named companies exceed industry %s",
					 industries[i].name);
	}
	int tail_total[N_PERIODS] = { 0, 0 };
	for (int r = 0; r < N_ROLES; r++)
		for (int p = 0; p < N_PERIODS; p++)
			tail_total[p] += role_total[p][r];
	{
		int t24 = 0;
		for (int i = 0; i < N_INDUSTRIES; i++)
			t24 += tail24[i];
		if (t24 != tail_total[1])
			return error_set(err, TS_EDATA, NULL, 0, "demo: industry plan off by %d",
					 t24 - tail_total[1]);
		int acc = 0;
		for (int i = 0; i < N_INDUSTRIES; i++) {
			tail23[i] = (int)((long)tail24[i] * tail_total[0] / t24);
			acc += tail23[i];
		}
		tail23[0] += tail_total[0] - acc;
	}

	/* tail companies: per industry enough that none reaches min-group in 2024 */
	int ind_first[N_INDUSTRIES], ind_count[N_INDUSTRIES];
	for (int i = 0; i < N_INDUSTRIES; i++) {
		int k = (tail24[i] + 10) / 11;
		int k23 = (tail23[i] + 19) / 20;
		if (k23 > k)
			k = k23;
		if (k < 2)
			k = 2;
		if (k > 2 * N_TAIL_PREFIX)
			k = 2 * N_TAIL_PREFIX;
		ind_first[i] = (int)pl->ncompanies;
		ind_count[i] = k;
		for (int j = 0; j < k; j++) {
			char name[64];
			snprintf(name, sizeof(name), "%s%s",
				 tail_prefix[(j / 2 + i * 11) % N_TAIL_PREFIX],
				 industries[i].suffix[j % 2]);
			unsigned w = 0, cw = 0;
			for (int c = 0; c < N_CITIES; c++)
				cw += (unsigned)cities[c].weight;
			w = rng_below(&pl->rng, cw);
			int city = 0;
			for (; city < N_CITIES - 1; city++) {
				if (w < (unsigned)cities[city].weight)
					break;
				w -= (unsigned)cities[city].weight;
			}
			plan_add_company(pl, name, industries[i].name, -1, city,
					 (int)rng_below(&pl->rng, 5) * 1000 - 2000, 0,
					 1 + (int)rng_below(&pl->rng, 4));
		}
	}

	/* tail postings: roles in random order, industries by quota */
	for (int p = 0; p < N_PERIODS; p++) {
		size_t n = (size_t)tail_total[p] * S;
		int *rl = xmalloc(n * sizeof(int));
		size_t k = 0;
		for (int r = 0; r < N_ROLES; r++)
			for (unsigned j = 0; j < (unsigned)role_total[p][r] * S; j++)
				rl[k++] = r;
		shuffle_ints(&pl->rng, rl, n);
		const int *quota = p == 0 ? tail23 : tail24;
		int cap = p == 0 ? 36 : 18;
		k = 0;
		for (int i = 0; i < N_INDUSTRIES; i++) {
			int nc = ind_count[i];
			int *load = xcalloc((size_t)nc, sizeof(int));
			for (unsigned j = 0; j < (unsigned)quota[i] * S; j++, k++) {
				/* weighted pick among companies under the cap */
				unsigned tw = 0;
				for (int c = 0; c < nc; c++)
					if (load[c] < cap * (int)S)
						tw += (unsigned)pl->companies[ind_first[i] + c].weight;
				int pick = 0;
				if (tw == 0) {
					pick = (int)rng_below(&pl->rng, (unsigned)nc);
				} else {
					unsigned w = rng_below(&pl->rng, tw);
					for (int c = 0; c < nc; c++) {
						if (load[c] >= cap * (int)S)
							continue;
						unsigned cw = (unsigned)pl->companies[ind_first[i] + c].weight;
						if (w < cw) {
							pick = c;
							break;
						}
						w -= cw;
					}
				}
				load[pick]++;
				struct posting *ps = plan_add_posting(pl);
				ps->month = p;
				ps->role = rl[k];
				ps->company = ind_first[i] + pick;
				ps->domain = 1;
			}
			free(load);
		}
		free(rl);
	}

	/* months by quota: shuffle each period's postings, cut by month */
	for (int p = 0; p < N_PERIODS; p++) {
		size_t n = 0;
		for (size_t i = first_post; i < pl->nposts; i++)
			n += pl->posts[i].month == p;
		int *ix = xmalloc(n * sizeof(int));
		size_t k = 0;
		for (size_t i = first_post; i < pl->nposts; i++)
			if (pl->posts[i].month == p)
				ix[k++] = (int)i;
		shuffle_ints(&pl->rng, ix, n);
		k = 0;
		for (int m = 0; m < N_MONTHS; m++) {
			if (period_of(m) != p)
				continue;
			for (unsigned j = 0; j < (unsigned)domain_month_postings[m] * S; j++)
				pl->posts[ix[k++]].month = m + 100; /* mark as final */
		}
		if (k != n) {
			free(ix);
			return error_set(err, TS_EDATA, NULL, 0, "demo: month plan off by %ld",
					 (long)n - (long)k);
		}
		free(ix);
	}
	for (size_t i = first_post; i < pl->nposts; i++) {
		struct posting *ps = &pl->posts[i];
		ps->month -= 100;
		ps->day = 1 + (int)rng_below(&pl->rng, (unsigned)month_days[ps->month]);
		const struct company *c = &pl->companies[ps->company];
		ps->city = rng_chance(&pl->rng, 0.8) ? c->city
						     : (int)rng_below(&pl->rng, 6);
	}
	return TS_OK;
}

/* Openings: mostly 1-3; 云计算 in 2024 exactly 100 (its ratio is 33/100). */
static int draw_openings(struct rng *r)
{
	double u = rng_unit(r);
	if (u < 0.50)
		return 1;
	if (u < 0.78)
		return 2;
	if (u < 0.92)
		return 3;
	if (u < 0.97)
		return 5;
	return 10;
}

static void plan_openings(struct plan *pl)
{
	int cloud = role_find("云计算", strlen("云计算"));
	long sum = 0;
	size_t n = 0;
	for (size_t i = 0; i < pl->nposts; i++) {
		struct posting *ps = &pl->posts[i];
		ps->openings = draw_openings(&pl->rng);
		if (ps->domain && ps->role == cloud && period_of(ps->month) == 1) {
			sum += ps->openings;
			n++;
		}
	}
	long want = 100L * pl->scale;
	while (sum != want && n > 0) {
		size_t pick = rng_below(&pl->rng, (unsigned)n), k = 0;
		for (size_t i = 0; i < pl->nposts; i++) {
			struct posting *ps = &pl->posts[i];
			if (!(ps->domain && ps->role == cloud && period_of(ps->month) == 1))
				continue;
			if (k++ != pick)
				continue;
			if (sum > want && ps->openings > 1) {
				ps->openings--;
				sum--;
			} else if (sum < want && ps->openings < 5) {
				ps->openings++;
				sum++;
			}
			break;
		}
	}
}

/* Applications of domain postings: per role and period the target ratio
 * times the openings, the natural roles scaled so the period lands. */
static void plan_applications(struct plan *pl)
{
	for (int p = 0; p < N_PERIODS; p++) {
		long open[N_ROLES] = { 0 }, total_open = 0;
		for (size_t i = 0; i < pl->nposts; i++) {
			const struct posting *ps = &pl->posts[i];
			if (ps->domain && period_of(ps->month) == p) {
				open[ps->role] += ps->openings;
				total_open += ps->openings;
			}
		}
		long apps[N_ROLES];
		double fixed = 0, natural = 0;
		for (int r = 0; r < N_ROLES; r++) {
			if (roles[r].sdr[p] < 550)
				fixed += (double)llround(roles[r].sdr[p] * open[r] / 1000.0);
			else
				natural += roles[r].sdr[p] * open[r] / 1000.0;
		}
		long want = llround(period_sdr[p] * total_open / 1000.0);
		double k = (want - fixed) / natural;
		long got = 0;
		int biggest = 0;
		for (int r = 0; r < N_ROLES; r++) {
			if (roles[r].sdr[p] < 550)
				apps[r] = llround(roles[r].sdr[p] * open[r] / 1000.0);
			else
				apps[r] = llround(k * roles[r].sdr[p] * open[r] / 1000.0);
			if (roles[r].sdr[p] >= 550 && open[r] > open[biggest])
				biggest = r;
			got += apps[r];
		}
		apps[biggest] += want - got;
		/* spread each role's applications over its postings by openings */
		for (int r = 0; r < N_ROLES; r++) {
			if (open[r] == 0)
				continue;
			long given = 0;
			size_t members = 0;
			for (size_t i = 0; i < pl->nposts; i++) {
				struct posting *ps = &pl->posts[i];
				if (!ps->domain || ps->role != r || period_of(ps->month) != p)
					continue;
				members++;
				double w = 0.4 + 1.2 * rng_unit(&pl->rng);
				ps->apps = (int)floor(apps[r] * ps->openings * w / open[r] * 0.8);
				given += ps->apps;
			}
			while (given > apps[r]) {
				size_t pick = rng_below(&pl->rng, (unsigned)members), k2 = 0;
				for (size_t i = 0; i < pl->nposts; i++) {
					struct posting *ps = &pl->posts[i];
					if (!ps->domain || ps->role != r || period_of(ps->month) != p)
						continue;
					if (k2++ == pick) {
						if (ps->apps > 0) {
							ps->apps--;
							given--;
						}
						break;
					}
				}
			}
			/* the rest one at a time, weighted by openings */
			long left = apps[r] - given;
			if (left > 0) {
				size_t *mem = xmalloc(members * sizeof(size_t));
				long *cum = xmalloc(members * sizeof(long));
				size_t k2 = 0;
				long c = 0;
				for (size_t i = 0; i < pl->nposts; i++) {
					struct posting *ps = &pl->posts[i];
					if (!ps->domain || ps->role != r || period_of(ps->month) != p)
						continue;
					mem[k2] = i;
					c += ps->openings;
					cum[k2++] = c;
				}
				for (long a = 0; a < left; a++) {
					long w = (long)rng_below(&pl->rng, (unsigned)c);
					size_t lo = 0, hi = members - 1;
					while (lo < hi) {
						size_t mid = (lo + hi) / 2;
						if (cum[mid] > w)
							hi = mid;
						else
							lo = mid + 1;
					}
					pl->posts[mem[lo]].apps++;
				}
				free(mem);
				free(cum);
			}
		}
	}
}

/* ------------------------------------------------------------ salaries */

struct sgroup {
	long target;   /* CNY */
	long n;
	long long err; /* Σ mid − n × target, CNY */
	size_t *members;
	size_t nmembers, cap;
};

static bool salary_known(const struct posting *ps)
{
	return ps->sal_kind == SAL_OK;
}

/* Picks which domain postings have no usable salary: tail companies only, so
 * that every ranked employer has all its salaries. */
static void plan_salary_unknown(struct plan *pl)
{
	for (size_t i = 0; i < pl->nposts; i++) {
		struct posting *ps = &pl->posts[i];
		ps->sal_kind = SAL_OK;
		if (!ps->domain) {
			if (rng_chance(&pl->rng, 0.07))
				ps->sal_kind = SAL_NEGOTIABLE;
			continue;
		}
		if (pl->companies[ps->company].named >= 0)
			continue;
		double u = rng_unit(&pl->rng);
		if (u < 0.022)
			ps->sal_kind = SAL_NEGOTIABLE;
		else if (u < 0.025)
			ps->sal_kind = SAL_IMPLAUSIBLE;
		else if (u < 0.027)
			ps->sal_kind = SAL_UNPARSED;
	}
}

static void group_add(struct sgroup *g, size_t i)
{
	GROW(g->members, g->cap, g->nmembers + 1);
	g->members[g->nmembers++] = i;
}

/* Fits the domain salaries: months (both periods), the ranked roles and the
 * named companies of 2024 hit their means.  Continuous additive effects
 * first, then integer thousands, then ±1000 on single maxima group by group,
 * preferring postings whose other groups want the same move. */
static enum ts_status plan_salaries(struct plan *pl, struct ts_error *err)
{
	enum { G_MONTH = 0, G_ROLE = N_MONTHS, G_COMPANY = N_MONTHS + N_ROLES };
	size_t ngroups = G_COMPANY + pl->ncompanies;
	struct sgroup *g = xcalloc(ngroups, sizeof(*g));
	enum ts_status st = TS_OK;

	for (size_t i = 0; i < pl->nposts; i++) {
		struct posting *ps = &pl->posts[i];
		if (!ps->domain || !salary_known(ps))
			continue;
		const struct company *c = &pl->companies[ps->company];
		ps->v = roles[ps->role].base + c->premium + 3500.0 * rng_gauss(&pl->rng);
		ps->groups[0] = G_MONTH + ps->month;
		group_add(&g[ps->groups[0]], i);
		if (period_of(ps->month) == 1 && roles[ps->role].salary24) {
			ps->groups[1] = G_ROLE + ps->role;
			group_add(&g[ps->groups[1]], i);
		}
		if (period_of(ps->month) == 1 && c->salary24) {
			ps->groups[2] = G_COMPANY + ps->company;
			group_add(&g[ps->groups[2]], i);
		}
	}
	/* month targets; the free months make the period land */
	for (int p = 0; p < N_PERIODS; p++) {
		double fixed = 0;
		long nfree = 0, nall = 0;
		for (int m = 0; m < N_MONTHS; m++) {
			if (period_of(m) != p)
				continue;
			long n = (long)g[m].nmembers;
			nall += n;
			if (month_salary[m]) {
				fixed += (double)month_salary[m] * n;
			} else {
				nfree += n;
			}
		}
		double free_target = ((double)period_salary[p] * nall - fixed) / nfree;
		for (int m = 0; m < N_MONTHS; m++)
			if (period_of(m) == p)
				g[m].target = month_salary[m] ? month_salary[m] : lround(free_target);
	}
	for (int r = 0; r < N_ROLES; r++)
		g[G_ROLE + r].target = roles[r].salary24;
	for (size_t c = 0; c < pl->ncompanies; c++)
		g[G_COMPANY + c].target = pl->companies[c].salary24;

	/* continuous fit */
	for (int it = 0; it < 300; it++) {
		for (size_t k = 0; k < ngroups; k++) {
			if (g[k].nmembers == 0)
				continue;
			double s = 0;
			for (size_t j = 0; j < g[k].nmembers; j++)
				s += pl->posts[g[k].members[j]].v;
			double d = g[k].target - s / (double)g[k].nmembers;
			for (size_t j = 0; j < g[k].nmembers; j++)
				pl->posts[g[k].members[j]].v += d;
		}
	}
	/* integer thousands: spread 1.3 .. 2.0 */
	for (size_t i = 0; i < pl->nposts; i++) {
		struct posting *ps = &pl->posts[i];
		if (!ps->domain || !salary_known(ps))
			continue;
		double v = ps->v < 12000 ? 12000 : ps->v;
		double s = 1.3 + 0.7 * rng_unit(&pl->rng);
		int sum = (int)lround(2 * v / 1000);
		int lo = (int)lround(2 * v / (1 + s) / 1000);
		if (lo < 5)
			lo = 5;
		int hi = sum - lo;
		if (hi <= lo)
			hi = lo + 1;
		ps->lo = lo;
		ps->hi = hi;
	}
	for (size_t k = 0; k < ngroups; k++) {
		long long s = 0;
		for (size_t j = 0; j < g[k].nmembers; j++) {
			const struct posting *ps = &pl->posts[g[k].members[j]];
			s += (long long)(ps->lo + ps->hi) * 500;
		}
		g[k].err = s - (long long)g[k].nmembers * g[k].target;
	}
	/* integer correction */
	int pass;
	for (pass = 0; pass < 200; pass++) {
		bool changed = false, all_ok = true;
		for (size_t k = 0; k < ngroups; k++) {
			if (g[k].nmembers == 0)
				continue;
			long long steps = llround((double)g[k].err / 500.0);
			if (steps == 0)
				continue;
			all_ok = false;
			int dir = steps > 0 ? -1 : 1;
			long long count = steps > 0 ? steps : -steps;
			for (long long c = 0; c < count; c++) {
				size_t best = SIZE_MAX;
				int best_score = -1000;
				size_t start = rng_below(&pl->rng, (unsigned)g[k].nmembers);
				for (size_t jj = 0; jj < g[k].nmembers; jj++) {
					size_t i = g[k].members[(start + jj) % g[k].nmembers];
					const struct posting *ps = &pl->posts[i];
					int nh = ps->hi + dir;
					if (nh <= ps->lo || nh * 10 > ps->lo * 26)
						continue;
					int score = 0;
					for (int q = 0; q < 3; q++) {
						int h = ps->groups[q];
						if (h < 0 || (size_t)h == k)
							continue;
						if (g[h].err * dir < -250)
							score += 2;
						else if (g[h].err * dir > 0)
							score -= 2;
						else
							score -= 1;
					}
					if (score > best_score) {
						best_score = score;
						best = i;
					}
				}
				if (best == SIZE_MAX)
					break;
				struct posting *ps = &pl->posts[best];
				ps->hi += dir;
				for (int q = 0; q < 3; q++)
					if (ps->groups[q] >= 0)
						g[ps->groups[q]].err += dir * 500;
				changed = true;
			}
		}
		if (all_ok || !changed)
			break;
	}
	for (size_t k = 0; k < ngroups; k++) {
		if (g[k].nmembers && (g[k].err > 500 || g[k].err < -500)) {
			st = error_set(err, TS_EDATA, NULL, 0,
				       "demo: salary fit did not converge (group %zu off by %lld)", k,
				       g[k].err);
			break;
		}
	}
	for (size_t k = 0; k < ngroups; k++)
		free(g[k].members);
	free(g);
	return st;
}

/* ----------------------------------------------------------- education */

/* Sorts postings by a weighted random key (smaller first). */
struct keyed {
	double key;
	size_t ix;
};

static int keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	if (x->key < y->key)
		return -1;
	if (x->key > y->key)
		return 1;
	return x->ix < y->ix ? -1 : x->ix > y->ix;
}

/* Education of one class (period × domain): unknown 3 %, then exactly
 * `masters` and `doctors` among the known by weight, the rest by mix. */
static void assign_education(struct plan *pl, size_t *ix, size_t n, double master_share,
			     double doctor_share, long masters, long doctors, bool domain)
{
	struct keyed *k = xmalloc(n * sizeof(*k));
	size_t known = 0;
	for (size_t j = 0; j < n; j++) {
		struct posting *ps = &pl->posts[ix[j]];
		if (rng_chance(&pl->rng, 0.03)) {
			ps->edu = EDU_UNKNOWN;
			continue;
		}
		int w = domain ? roles[ps->role].edu : 1 + plain_jobs[ps->role].level;
		k[known].key = rng_unit(&pl->rng) / w;
		k[known].ix = ix[j];
		known++;
	}
	if (masters < 0)
		masters = lround(master_share * (double)known);
	if (doctors < 0)
		doctors = lround(doctor_share * (double)known);
	qsort(k, known, sizeof(*k), keyed_cmp);
	for (size_t j = 0; j < known; j++) {
		struct posting *ps = &pl->posts[k[j].ix];
		if ((long)j < doctors) {
			ps->edu = EDU_DOCTOR;
		} else if ((long)j < doctors + masters) {
			ps->edu = EDU_MASTER;
		} else {
			double u = rng_unit(&pl->rng);
			if (domain)
				ps->edu = u < 0.86 ? EDU_BACHELOR : u < 0.93 ? EDU_ASSOCIATE : EDU_ANY;
			else if (plain_jobs[ps->role].level == 0)
				ps->edu = u < 0.15	 ? EDU_BACHELOR
					  : u < 0.55 ? EDU_ASSOCIATE
					  : u < 0.80 ? EDU_ANY
						     : EDU_SECONDARY;
			else
				ps->edu = u < 0.62 ? EDU_BACHELOR : u < 0.85 ? EDU_ASSOCIATE : EDU_ANY;
		}
	}
	free(k);
}

static void plan_education(struct plan *pl)
{
	size_t *ix = xmalloc(pl->nposts * sizeof(size_t));
	/* 2023: free shares */
	for (int d = 1; d >= 0; d--) {
		size_t n = 0;
		for (size_t i = 0; i < pl->nposts; i++)
			if (pl->posts[i].domain == d && period_of(pl->posts[i].month) == 0)
				ix[n++] = i;
		assign_education(pl, ix, n, d ? 0.262 : 0.045, d ? 0.013 : 0.003, -1, -1, d);
	}
	/* 2024: domain 28.15 % / 1.51 %, all postings 10.59 % / 0.69 % */
	size_t n = 0;
	for (size_t i = 0; i < pl->nposts; i++)
		if (pl->posts[i].domain && period_of(pl->posts[i].month) == 1)
			ix[n++] = i;
	assign_education(pl, ix, n, 0.2815, 0.0151, -1, -1, true);
	long known_d = 0, masters_d = 0, doctors_d = 0;
	for (size_t j = 0; j < n; j++) {
		const struct posting *ps = &pl->posts[ix[j]];
		known_d += ps->edu != EDU_UNKNOWN;
		masters_d += ps->edu == EDU_MASTER;
		doctors_d += ps->edu == EDU_DOCTOR;
	}
	n = 0;
	for (size_t i = 0; i < pl->nposts; i++)
		if (!pl->posts[i].domain && period_of(pl->posts[i].month) == 1)
			ix[n++] = i;
	/* unknown share of the others is drawn inside; estimate the known count
	 * by drawing first, then set exact counts */
	assign_education(pl, ix, n, 0, 0, 0, 0, false);
	long known_o = 0;
	for (size_t j = 0; j < n; j++)
		known_o += pl->posts[ix[j]].edu != EDU_UNKNOWN;
	long all = known_d + known_o;
	long masters = lround(0.1059 * (double)all) - masters_d;
	long doctors = lround(0.0069 * (double)all) - doctors_d;
	/* re-draw the known ones with exact counts */
	struct keyed *k = xmalloc(n * sizeof(*k));
	size_t kn = 0;
	for (size_t j = 0; j < n; j++) {
		struct posting *ps = &pl->posts[ix[j]];
		if (ps->edu == EDU_UNKNOWN)
			continue;
		k[kn].key = rng_unit(&pl->rng) / (1 + plain_jobs[ps->role].level * 2);
		k[kn].ix = ix[j];
		kn++;
	}
	qsort(k, kn, sizeof(*k), keyed_cmp);
	for (size_t j = 0; j < kn; j++) {
		struct posting *ps = &pl->posts[k[j].ix];
		if ((long)j < doctors)
			ps->edu = EDU_DOCTOR;
		else if ((long)j < doctors + masters)
			ps->edu = EDU_MASTER;
		else if (ps->edu == EDU_MASTER || ps->edu == EDU_DOCTOR)
			ps->edu = EDU_BACHELOR;
	}
	free(k);
	free(ix);
}

/* --------------------------------------------------- other postings */

static void plan_other_postings(struct plan *pl, size_t first_tail, size_t ntail)
{
	unsigned jw = 0;
	for (int j = 0; j < N_PLAIN_JOBS; j++)
		jw += (unsigned)plain_jobs[j].weight;
	for (int m = 0; m < N_MONTHS; m++) {
		for (unsigned k = 0; k < (unsigned)other_month_postings[m] * pl->scale; k++) {
			struct posting *ps = plan_add_posting(pl);
			ps->month = m;
			ps->day = 1 + (int)rng_below(&pl->rng, (unsigned)month_days[m]);
			unsigned w = rng_below(&pl->rng, jw);
			int j = 0;
			for (; j < N_PLAIN_JOBS - 1; j++) {
				if (w < (unsigned)plain_jobs[j].weight)
					break;
				w -= (unsigned)plain_jobs[j].weight;
			}
			ps->role = j;
			double u = rng_unit(&pl->rng);
			if (u < 0.3)
				ps->company = (int)rng_below(&pl->rng, N_NAMED);
			else if (u < 0.7)
				ps->company = (int)(first_tail + rng_below(&pl->rng, (unsigned)ntail));
			else
				ps->company = (int)(first_tail + ntail +
						    rng_below(&pl->rng, N_PLAIN));
			const struct company *c = &pl->companies[ps->company];
			ps->city = rng_chance(&pl->rng, 0.6) ? c->city
							     : (int)rng_below(&pl->rng, N_CITIES);
			double v = plain_jobs[j].base * (0.8 + 0.5 * rng_unit(&pl->rng));
			double s = 1.3 + 0.6 * rng_unit(&pl->rng);
			ps->lo = (int)lround(2 * v / (1 + s) / 1000);
			if (ps->lo < 3)
				ps->lo = 3;
			ps->hi = (int)lround(ps->lo * s);
			if (ps->hi <= ps->lo)
				ps->hi = ps->lo + 1;
		}
	}
}

/* ------------------------------------------------------------ keywords */

struct kwcheck {
	char **words; /* lower-case ASCII */
	size_t n;
};

static void kwcheck_init(struct kwcheck *kc, const char *text, size_t len)
{
	kc->words = NULL;
	kc->n = 0;
	size_t cap = 0;
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		const char *a = p, *b = le;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
			b--;
		if (b > a && *a != '#') {
			GROW(kc->words, cap, kc->n + 1);
			char *w = xstrndup(a, (size_t)(b - a));
			for (char *q = w; *q; q++)
				if (*q >= 'A' && *q <= 'Z')
					*q = (char)(*q - 'A' + 'a');
			kc->words[kc->n++] = w;
		}
		p = le + 1;
	}
}

static void kwcheck_release(struct kwcheck *kc)
{
	for (size_t i = 0; i < kc->n; i++)
		free(kc->words[i]);
	free(kc->words);
}

/* True when a keyword occurs in the (lower-cased) text. */
static bool kwcheck_any(const struct kwcheck *kc, struct strbuf *scratch, const char *text)
{
	strbuf_reset(scratch);
	strbuf_addstr(scratch, text);
	for (char *q = scratch->buf; q && *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q - 'A' + 'a');
	for (size_t i = 0; i < kc->n; i++)
		if (strstr(strbuf_str(scratch), kc->words[i]))
			return true;
	return false;
}

/* How many keywords occur in the (lower-cased) text. */
static size_t kwcheck_count(const struct kwcheck *kc, struct strbuf *scratch, const char *text)
{
	strbuf_reset(scratch);
	strbuf_addstr(scratch, text);
	for (char *q = scratch->buf; q && *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q - 'A' + 'a');
	size_t n = 0;
	for (size_t i = 0; i < kc->n; i++)
		n += strstr(strbuf_str(scratch), kc->words[i]) != NULL;
	return n;
}

/* ------------------------------------------------------------- writing */

struct out {
	FILE *f;
	gzFile gz;
	const char *path;
	bool failed;
};

static void out_write(struct out *o, const char *s, size_t len)
{
	if (o->failed || len == 0)
		return;
	if (o->gz) {
		if (gzwrite(o->gz, s, (unsigned)len) != (int)len)
			o->failed = true;
	} else if (fwrite(s, 1, len, o->f) != len) {
		o->failed = true;
	}
}

static enum ts_status out_open(struct out *o, const char *path, bool gz, struct ts_error *err)
{
	memset(o, 0, sizeof(*o));
	o->path = path;
	if (gz)
		o->gz = gzopen(path, "wb");
	else
		o->f = fopen(path, "wb");
	if (!o->gz && !o->f)
		return error_set(err, TS_EIO, path, 0, "cannot write '%s': %s", path,
				 strerror(errno));
	return TS_OK;
}

static enum ts_status out_close(struct out *o, struct ts_error *err)
{
	bool bad = o->failed;
	if (o->gz)
		bad |= gzclose(o->gz) != Z_OK;
	else if (o->f)
		bad |= fclose(o->f) != 0;
	if (bad)
		return error_set(err, TS_EIO, o->path, 0, "cannot write '%s'", o->path);
	return TS_OK;
}

/* Appends a CSV field (util/csv_cell.h) and a separator. */
static void csv_field(struct strbuf *row, const char *s, char sep)
{
	csv_cell_addstr(row, s);
	strbuf_addch(row, sep);
}

static void json_str(struct strbuf *sb, const char *s)
{
	strbuf_addch(sb, '"');
	for (const unsigned char *q = (const unsigned char *)s; *q; q++) {
		if (*q == '"' || *q == '\\') {
			strbuf_addch(sb, '\\');
			strbuf_addch(sb, (char)*q);
		} else if (*q == '\n') {
			strbuf_addstr(sb, "\\n");
		} else if (*q < 0x20) {
			strbuf_addf(sb, "\\u%04x", *q);
		} else {
			strbuf_addch(sb, (char)*q);
		}
	}
	strbuf_addch(sb, '"');
}

/* Appends one alternative of a "|"-separated list, picked at random. */
static void pick_alt(struct rng *r, const char *list, struct strbuf *sb)
{
	unsigned n = 1;
	for (const char *q = list; *q; q++)
		n += *q == '|';
	unsigned k = rng_below(r, n);
	const char *s = list;
	while (k--)
		s = strchr(s, '|') + 1;
	const char *e = strchr(s, '|');
	strbuf_add(sb, s, e ? (size_t)(e - s) : strlen(s));
}

/* Appends alternative k of a "|"-separated list. */
static void nth_alt(const char *list, unsigned k, struct strbuf *sb)
{
	const char *s = list;
	while (k--) {
		const char *bar = strchr(s, '|');
		if (!bar)
			return;
		s = bar + 1;
	}
	const char *e = strchr(s, '|');
	strbuf_add(sb, s, e ? (size_t)(e - s) : strlen(s));
}

static unsigned count_alts(const char *list)
{
	unsigned n = 1;
	for (const char *q = list; *q; q++)
		n += *q == '|';
	return n;
}

static void add_date(struct strbuf *sb, int m, int day, int style, struct rng *r)
{
	int y = month_year(m), mo = month_num(m);
	switch (style) {
	case 1:
		strbuf_addf(sb, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, day,
			    8 + (int)rng_below(r, 13), (int)rng_below(r, 60), (int)rng_below(r, 60));
		break;
	case 2:
		strbuf_addf(sb, "%04d/%02d/%02d", y, mo, day);
		break;
	default:
		strbuf_addf(sb, "%04d-%02d-%02d", y, mo, day);
	}
}

/* Thousands as 万 with at most one decimal: 25 → 2.5, 30 → 3. */
static void add_wan(struct strbuf *sb, int k)
{
	if (k % 10)
		strbuf_addf(sb, "%d.%d", k / 10, k % 10);
	else
		strbuf_addf(sb, "%d", k / 10);
}

static void salary_text(struct strbuf *sb, const struct posting *ps, struct rng *r)
{
	switch (ps->sal_kind) {
	case SAL_NEGOTIABLE:
		strbuf_addstr(sb, rng_chance(r, 0.8) ? "面议" : "薪资面议");
		return;
	case SAL_IMPLAUSIBLE:
		strbuf_addf(sb, "%d-%dK", ps->hi + 20, ps->lo);
		return;
	case SAL_UNPARSED:
		strbuf_addstr(sb, "待遇优厚");
		return;
	default:
		break;
	}
	int lo = ps->lo, hi = ps->hi;
	double u = rng_unit(r);
	if (!ps->domain && u < 0.08 && lo >= 6) {
		/* annual */
		strbuf_addf(sb, "%d-%d万/年", lo * 12 / 10, hi * 12 / 10 + 1);
	} else if (!ps->domain && u < 0.12 && hi <= 12) {
		strbuf_addf(sb, "%d-%d元/天", lo * 20, hi * 20);
	} else if (!ps->domain && u < 0.16 && lo < 10 && hi > 10) {
		strbuf_addf(sb, "%d千-", lo);
		add_wan(sb, hi);
		strbuf_addstr(sb, "万");
	} else if (!ps->domain && u < 0.20) {
		strbuf_addf(sb, "%dK以上", lo);
	} else if (u < 0.45) {
		strbuf_addf(sb, "%d-%dK", lo, hi);
	} else if (u < 0.58) {
		strbuf_addf(sb, "%dk-%dk", lo, hi);
	} else if (u < 0.72) {
		strbuf_addf(sb, "%d-%dK·%d薪", lo, hi, 13 + (int)rng_below(r, 4));
	} else if (u < 0.86) {
		add_wan(sb, lo);
		strbuf_addch(sb, '-');
		add_wan(sb, hi);
		strbuf_addstr(sb, rng_chance(r, 0.3) ? "万/月" : "万");
	} else if (u < 0.93) {
		add_wan(sb, lo);
		strbuf_addch(sb, '-');
		add_wan(sb, hi);
		strbuf_addf(sb, "万·%d薪", 13 + (int)rng_below(r, 3));
	} else {
		strbuf_addf(sb, "%d000-%d000元/月", lo, hi);
	}
}

static const char *education_text(int edu, struct rng *r)
{
	static const char *const any[] = { "学历不限", "不限", "学历不限" };
	static const char *const sec[] = { "中专/中技", "高中", "中专" };
	static const char *const ass[] = { "大专", "大专及以上", "专科" };
	static const char *const bac[] = { "本科", "本科及以上", "统招本科", "本科以上",
					   "统招本科及以上", "本科" };
	static const char *const mas[] = { "硕士", "硕士及以上", "研究生", "硕士" };
	static const char *const doc[] = { "博士", "博士及以上", "博士" };
	static const char *const unk[] = { "", "", "见职位描述" };
	switch (edu) {
	case EDU_ANY:
		return any[rng_below(r, 3)];
	case EDU_SECONDARY:
		return sec[rng_below(r, 3)];
	case EDU_ASSOCIATE:
		return ass[rng_below(r, 3)];
	case EDU_BACHELOR:
		return bac[rng_below(r, 6)];
	case EDU_MASTER:
		return mas[rng_below(r, 4)];
	case EDU_DOCTOR:
		return doc[rng_below(r, 3)];
	default:
		return unk[rng_below(r, 3)];
	}
}

static void city_text(struct strbuf *sb, int city, struct rng *r)
{
	const struct city_def *c = &cities[city];
	double u = rng_unit(r);
	strbuf_addstr(sb, c->name);
	if (u < 0.15 || !c->districts[0])
		return;
	if (u < 0.22) {
		strbuf_addstr(sb, "市");
		return;
	}
	strbuf_addstr(sb, u < 0.85 ? "·" : "-");
	pick_alt(r, c->districts, sb);
}

static const char *experience_text(struct rng *r, bool senior)
{
	static const char *const e[] = { "经验不限", "1-3年", "3-5年", "5-10年", "10年以上",
					 "应届生" };
	unsigned k = rng_below(r, 6);
	if (senior && (k == 0 || k == 5))
		k = 2;
	return e[k];
}

/* Builds the text fields of a posting into title, tags, desc. */
static void posting_texts(const struct plan *pl, const struct posting *ps, struct rng *r,
			  struct strbuf *title, struct strbuf *tags, struct strbuf *desc)
{
	strbuf_reset(title);
	strbuf_reset(tags);
	strbuf_reset(desc);
	(void)pl;
	if (ps->domain) {
		const struct role_def *rd = &roles[ps->role];
		pick_alt(r, rd->titles, title);
		/* one or two keyword tags, two or three skills, maybe a welfare tag */
		unsigned nk = count_alts(rd->kwtags), k1 = rng_below(r, nk);
		const char *sep = rng_chance(r, 0.7) ? "|" : rng_chance(r, 0.5) ? "," : "、";
		nth_alt(rd->kwtags, k1, tags);
		if (nk > 1 && rng_chance(r, 0.5)) {
			strbuf_addstr(tags, sep);
			nth_alt(rd->kwtags, (k1 + 1 + rng_below(r, nk - 1)) % nk, tags);
		}
		unsigned ns = count_alts(rd->skills), s1 = rng_below(r, ns);
		for (unsigned j = 0; j < 2 + rng_below(r, 2) && j < ns; j++) {
			strbuf_addstr(tags, sep);
			nth_alt(rd->skills, (s1 + j) % ns, tags);
		}
		if (rng_chance(r, 0.4)) {
			strbuf_addstr(tags, sep);
			strbuf_addstr(tags, welfare_tags[rng_below(r, 10)]);
		}
		if (rng_chance(r, 0.1))
			strbuf_addstr(desc, "岗位职责：\n1. ");
		else
			strbuf_addstr(desc, "岗位职责：");
		pick_alt(r, rd->duties, desc);
		strbuf_addstr(desc, "。");
		static const char *const req[] = {
			"任职要求：熟悉Python, 有扎实的工程能力",
			"任职要求：计算机相关专业，具备良好的沟通与协作能力",
			"任职要求：有大模型相关项目经验者优先",
			"任职要求：熟悉常用开源框架，有顶会论文或竞赛获奖者优先",
			"任职要求：对AIGC技术有浓厚兴趣，自驱力强",
		};
		if (strchr(desc->buf, '\n'))
			strbuf_addstr(desc, "\n2. ");
		strbuf_addstr(desc, req[rng_below(r, 5)]);
		strbuf_addstr(desc, "。");
	} else {
		const struct plain_job *j = &plain_jobs[ps->role];
		pick_alt(r, j->titles, title);
		unsigned ns = count_alts(j->skills), s1 = rng_below(r, ns);
		for (unsigned k = 0; k < 2 + rng_below(r, 2) && k < ns; k++) {
			if (k)
				strbuf_addch(tags, '|');
			nth_alt(j->skills, (s1 + k) % ns, tags);
		}
		if (rng_chance(r, 0.5)) {
			strbuf_addch(tags, '|');
			strbuf_addstr(tags, welfare_tags[rng_below(r, 10)]);
		}
		strbuf_addstr(desc, "岗位职责：");
		pick_alt(r, j->duties, desc);
		static const char *const req[] = {
			"任职要求：责任心强，有良好的沟通能力",
			"任职要求：有相关行业经验者优先, 能接受短期出差",
			"任职要求：熟练使用办公软件，学习能力强",
			"任职要求：吃苦耐劳，有团队合作精神",
		};
		strbuf_addstr(desc, "。");
		strbuf_addstr(desc, req[rng_below(r, 4)]);
		strbuf_addstr(desc, "。");
	}
}

/* -------------------------------------------------------- distinct jobs */

/* The engine counts a posting as a repost when an earlier posting had the
 * same content (aggregate/reposts.h: company, title, city, salary,
 * education, experience and description as written) at most --repost-days
 * (default 60) days before.  Every planned posting is a job of its own: when
 * its content repeats a job of the window, its title is varied (a level, a
 * team, a city and direction) until it does not.  Apart from the plan,
 * about REPOST_SHARE of the postings are shown again 20-45 days later under
 * a new id, the same content: the data-quality section's reposts, in no
 * figure. */
#define REPOST_WINDOW 60
#define REPOST_SHARE 0.005
#define REPOST_MIN_GAP 20
#define REPOST_GAPS 26 /* 20..45 days */
#define REPOST_ID_BASE 80000001u
#define TITLE_TRIES 48

/* Day of the data, 0 = 2023-01-01. */
static int data_day(int m, int day)
{
	int d = day - 1;
	for (int i = 0; i < m; i++)
		d += month_days[i];
	return d;
}

/* Month and day of a day of the data; false past the last month. */
static bool data_date(int dd, int *m, int *day)
{
	for (int i = 0; i < N_MONTHS; i++) {
		if (dd < month_days[i]) {
			*m = i;
			*day = dd + 1;
			return true;
		}
		dd -= month_days[i];
	}
	return false;
}

/* Jobs as the engine's repost rule sees them (aggregate/reposts.h: the
 * default key's fields of the row as written, each trimmed, white-space runs
 * as one space, ASCII letters in lower case) → the day of the job's latest
 * posting. */
struct jobs {
	struct dict keys;
	int *last;
	size_t cap;
	struct strbuf key;
};

static void jobs_init(struct jobs *j)
{
	memset(j, 0, sizeof(*j));
	dict_init(&j->keys);
	j->key = (struct strbuf)STRBUF_INIT;
}

static void jobs_release(struct jobs *j)
{
	dict_release(&j->keys);
	free(j->last);
	strbuf_release(&j->key);
}

/* The key text the engine hashes for a row (repost_job leaves it in the
 * scratch), valid until the next call. */
static struct slice jobs_key(struct jobs *j, const struct row *row)
{
	repost_posting_job(&j->key, REPOST_KEY_DEFAULT, row, row->field[POSTING_COMPANY]);
	return slice_make(j->key.buf, j->key.len);
}

/* Days from the job's latest posting to day; INT_MAX for a new job. */
static int jobs_gap(struct jobs *j, struct slice key, int day)
{
	uint32_t k = dict_find(&j->keys, key);
	return k == DICT_NONE ? INT_MAX : day - j->last[k];
}

/* The job's latest posting becomes day. */
static void jobs_note(struct jobs *j, struct slice key, int day)
{
	uint32_t k = dict_intern(&j->keys, key);
	if (k >= j->cap)
		GROW(j->last, j->cap, (size_t)k + 1);
	j->last[k] = day;
}

static bool within_window(int gap)
{
	return gap != INT_MAX && gap <= REPOST_WINDOW && gap >= -REPOST_WINDOW;
}

/* Title variation: levels, teams (domain; plain jobs by level). */
static const char *const level_words[] = { "初级", "中级", "高级", "资深", "专家", "首席", "储备" };
static const char domain_teams[] =
	"搜索|推荐|多模态|基座模型|商业化|广告|智能助手|AIGC|大模型|电商|内容安全|国际化|端侧|"
	"对话|代码生成|Agent|金融|医疗|教育|游戏|办公协同|智能客服|数据平台|云服务|知识库";
static const char office_teams[] =
	"华北区|华东区|华南区|西南区|华中区|总部|新业务|海外业务|校招|社招|急招|B端|C端|会员|"
	"供应链|直营";
static const char shop_teams[] = "早班|晚班|长白班|急招|包吃住|周末双休|储备|兼职";

/* Chooses each planned posting's title, with its own random stream so that
 * the rows' other fields keep theirs. */
struct titler {
	struct rng rng;
	struct jobs jobs; /* the rows written, reposts included */
	const struct kwcheck *kc;
	struct dict kwtitles; /* titles seen → kwcounts */
	unsigned char *kwcounts;
	size_t kwcap;
	struct strbuf base, cand, scratch;
	unsigned reqno;
	size_t varied, numbered;
};

static bool has_level_word(const char *title)
{
	for (size_t i = 0; i < sizeof(level_words) / sizeof(level_words[0]); i++)
		if (strstr(title, level_words[i]))
			return true;
	return false;
}

/* A level for the prefix, by where the salary lies against the job's base. */
static void add_level(struct strbuf *sb, const struct posting *ps, struct rng *r)
{
	static const char *const low[] = { "初级", "中级" }, *const mid[] = { "中级", "高级" },
				 *const high[] = { "高级", "资深", "资深" };
	int base = ps->domain ? roles[ps->role].base : plain_jobs[ps->role].base;
	double ratio = ps->sal_kind == SAL_OK && base > 0 ? (ps->lo + ps->hi) * 500.0 / base : 1.0;
	if (ratio < 0.85)
		strbuf_addstr(sb, low[rng_below(r, 2)]);
	else if (ratio < 1.2 || !ps->domain)
		strbuf_addstr(sb, ratio < 1.2 ? mid[rng_below(r, 2)] : high[rng_below(r, 3)]);
	else
		strbuf_addstr(sb, ratio > 1.5 && rng_chance(r, 0.3) ? "首席" : high[rng_below(r, 3)]);
}

/* One form of the base title: 1 level + title, 2 title（team）, 3 level +
 * title（team）, 4 title-city-direction (plain jobs: title-city-district).  A
 * title with a level word takes no level; one with a team already in
 * brackets (算法专家（大模型方向）) has it replaced in forms 2 and 3 and gets
 * only the city in form 4. */
static void title_form(struct strbuf *out, const char *base, const struct posting *ps, int form,
		       struct rng *r)
{
	bool levels = ps->domain || plain_jobs[ps->role].level > 0;
	bool prefix = levels && !has_level_word(base);
	const char *open = strstr(base, "（"), *close = open ? strstr(open, "）") : NULL;
	const char *teams = ps->domain ? domain_teams
			  : plain_jobs[ps->role].level > 0 ? office_teams : shop_teams;
	if (form == 1 && !prefix)
		form = 2;
	if (form == 3 && !prefix)
		form = 2;
	strbuf_reset(out);
	if ((form == 1 || form == 3) && prefix)
		add_level(out, ps, r);
	if ((form == 2 || form == 3) && close) {
		strbuf_add(out, base, (size_t)(open - base));
		strbuf_addstr(out, "（");
		pick_alt(r, teams, out);
		strbuf_addstr(out, close);
		return;
	}
	strbuf_addstr(out, base);
	if (form == 2 || form == 3) {
		strbuf_addstr(out, "（");
		pick_alt(r, teams, out);
		strbuf_addstr(out, "）");
	} else if (form == 4) {
		const struct city_def *c = &cities[ps->city];
		strbuf_addch(out, '-');
		strbuf_addstr(out, c->name);
		if (open)
			return;
		strbuf_addch(out, '-');
		if (ps->domain) {
			pick_alt(r, teams, out);
			strbuf_addstr(out, "方向");
		} else if (c->districts[0]) {
			pick_alt(r, c->districts, out);
		} else {
			pick_alt(r, teams, out);
		}
	}
}

/* Keywords in a title, each title counted once. */
static size_t title_keywords(struct titler *t, const char *title)
{
	uint32_t n = (uint32_t)t->kwtitles.n;
	uint32_t k = dict_intern(&t->kwtitles, slice_cstr(title));
	if (k < n)
		return t->kwcounts[k];
	if (k >= t->kwcap)
		GROW(t->kwcounts, t->kwcap, (size_t)k + 1);
	size_t c = kwcheck_count(t->kc, &t->scratch, title);
	t->kwcounts[k] = (unsigned char)(c < 255 ? c : 255);
	return t->kwcounts[k];
}

/* Keeps title (a base title drawn from the role's list) unless the row's
 * content (row, whose title field is set here) repeats a job of the window;
 * then replaces it by a variant that is a new job and holds the same
 * keywords.  The job is noted as posted on the row's day. */
static void choose_title(struct titler *t, const struct posting *ps, struct row *row,
			 struct strbuf *title)
{
	int day = data_day(ps->month, ps->day);
	strbuf_reset(&t->base);
	strbuf_addstr(&t->base, strbuf_str(title));
	const char *base = strbuf_str(&t->base);
	row->field[POSTING_TITLE] = slice_cstr(base);
	bool found = !within_window(jobs_gap(&t->jobs, jobs_key(&t->jobs, row), day));
	size_t kw = found ? 0 : title_keywords(t, base);
	for (int k = 0; k < TITLE_TRIES && !found; k++) {
		title_form(&t->cand, base, ps, 1 + (int)rng_below(&t->rng, 4), &t->rng);
		row->field[POSTING_TITLE] = slice_cstr(strbuf_str(&t->cand));
		found = !within_window(jobs_gap(&t->jobs, jobs_key(&t->jobs, row), day)) &&
			title_keywords(t, strbuf_str(&t->cand)) == kw;
	}
	while (!found) { /* a numbered requisition: new every time */
		strbuf_reset(&t->cand);
		strbuf_addf(&t->cand, "%s-%s-%03u", base, cities[ps->city].name, ++t->reqno);
		row->field[POSTING_TITLE] = slice_cstr(strbuf_str(&t->cand));
		found = !within_window(jobs_gap(&t->jobs, jobs_key(&t->jobs, row), day)) &&
			title_keywords(t, strbuf_str(&t->cand)) == kw;
		t->numbered++;
	}
	if (row->field[POSTING_TITLE].ptr != base) {
		t->varied++;
		strbuf_reset(title);
		strbuf_addstr(title, strbuf_str(&t->cand));
	}
	row->field[POSTING_TITLE] = slice_cstr(strbuf_str(title));
	jobs_note(&t->jobs, jobs_key(&t->jobs, row), day);
}

/* Row order of postings.csv: by date, duplicates a little later, reposts
 * (dup 2) on their own day (day of the data). */
struct row_ref {
	long pos;
	size_t ix;
	int dup;
	int day;
};

/* What a repost takes from its first posting's row: all but its id and
 * date, and its job's key. */
struct saved_job {
	char *fields; /* company,title,industry,city,category,…\n */
	char *key;
	size_t key_len;
};

static int row_ref_cmp(const void *a, const void *b)
{
	const struct row_ref *x = a, *y = b;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	if (x->dup != y->dup)
		return x->dup - y->dup;
	return x->ix < y->ix ? -1 : x->ix > y->ix;
}

static int posting_order_cmp(const void *a, const void *b)
{
	const struct posting *x = a, *y = b;
	if (x->month != y->month)
		return x->month - y->month;
	if (x->day != y->day)
		return x->day - y->day;
	return x->key < y->key ? -1 : x->key > y->key;
}

static enum ts_status write_postings(struct plan *pl, const char *dir,
				     const struct kwcheck *kc, struct ts_error *err)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/postings.csv", dir);
	struct out o;
	enum ts_status st = out_open(&o, path, false, err);
	if (st != TS_OK)
		return st;
	struct rng *r = &pl->rng;
	size_t n = pl->nposts;
	struct titler t = { .kc = kc, .base = STRBUF_INIT, .cand = STRBUF_INIT,
			    .scratch = STRBUF_INIT };
	rng_seed(&t.rng, pl->seed ^ 0x3c6ef372fe94f82bULL);
	jobs_init(&t.jobs);
	dict_init(&t.kwtitles);
	struct row_ref *refs = xmalloc((2 * n + 1) * sizeof(*refs));
	size_t nrefs = 0;
	for (size_t i = 0; i < n; i++) {
		struct posting *ps = &pl->posts[i];
		refs[nrefs++] = (struct row_ref){ (long)i * 4, i, 0, 0 };
		if (rng_chance(r, 0.003)) {
			ps->dup = 1;
			refs[nrefs++] = (struct row_ref){ (long)(i + 20 + rng_below(r, 400)) * 4 + 1, i, 1, 0 };
		}
		int day = data_day(ps->month, ps->day) + REPOST_MIN_GAP +
			  (int)rng_below(&t.rng, REPOST_GAPS), m, d;
		if (rng_chance(&t.rng, REPOST_SHARE) && data_date(day, &m, &d)) {
			/* after the last posting of its day */
			size_t lo = i + 1, hi = n;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (data_day(pl->posts[mid].month, pl->posts[mid].day) <= day)
					lo = mid + 1;
				else
					hi = mid;
			}
			ps->repost = 1;
			refs[nrefs++] = (struct row_ref){ (long)lo * 4 - 1, i, 2, day };
		}
	}
	qsort(refs, nrefs, sizeof(*refs), row_ref_cmp);

	struct strbuf row = STRBUF_INIT, title = STRBUF_INIT, tags = STRBUF_INIT,
		      desc = STRBUF_INIT, tmp = STRBUF_INIT, scratch = STRBUF_INIT,
		      all = STRBUF_INIT, date = STRBUF_INIT, city = STRBUF_INIT,
		      salary = STRBUF_INIT;
	char **saved = xcalloc(n, sizeof(char *)); /* rows of duplicated postings */
	struct saved_job *again = xcalloc(n, sizeof(*again)); /* of reposted ones */
	unsigned repost_id = REPOST_ID_BASE;
	strbuf_addstr(&row, "id,posted,company,title,industry,city,category,salary,openings,"
			    "education,experience,tags,description\n");
	out_write(&o, row.buf, row.len);
	unsigned bad_id = 90000001;
	for (size_t k = 0; k < nrefs && st == TS_OK; k++) {
		const struct posting *ps = &pl->posts[refs[k].ix];
		if (refs[k].dup == 1) {
			out_write(&o, saved[refs[k].ix], strlen(saved[refs[k].ix]));
			continue;
		}
		if (refs[k].dup == 2) {
			/* the same job again: a new id and day, the same content */
			const struct saved_job *sj = &again[refs[k].ix];
			int m = 0, d = 1;
			data_date(refs[k].day, &m, &d);
			strbuf_reset(&row);
			strbuf_addf(&row, "J%u,", repost_id);
			strbuf_reset(&tmp);
			add_date(&tmp, m, d, rng_chance(&t.rng, 0.8) ? 0 : 2, &t.rng);
			csv_field(&row, strbuf_str(&tmp), ',');
			strbuf_addstr(&row, sj->fields);
			struct slice key = slice_make(sj->key, sj->key_len);
			if (!within_window(jobs_gap(&t.jobs, key, refs[k].day))) {
				st = error_set(err, TS_EDATA, path, 0,
					       "demo: self-check: the repost J%u is no repost", repost_id);
				break;
			}
			jobs_note(&t.jobs, key, refs[k].day);
			repost_id++;
			out_write(&o, row.buf, row.len);
			continue;
		}
		posting_texts(pl, ps, r, &title, &tags, &desc);
		const char *category = ps->domain ? roles[ps->role].name : plain_jobs[ps->role].category;
		const struct company *c = &pl->companies[ps->company];
		/* The fields drawn from r in the order they always were; the title
		 * is chosen (from t.rng) once the rest of the content is known. */
		strbuf_reset(&date);
		double u = rng_unit(r);
		add_date(&date, ps->month, ps->day, u < 0.8 ? 0 : u < 0.95 ? 1 : 2, r);
		strbuf_reset(&city);
		city_text(&city, ps->city, r);
		strbuf_reset(&salary);
		salary_text(&salary, ps, r);
		const char *education = education_text(ps->edu, r);
		const char *experience = experience_text(r, ps->domain && ps->lo > 40);
		struct row job = { .line = 0 };
		job.field[POSTING_COMPANY] = slice_cstr(c->name);
		job.field[POSTING_INDUSTRY] = slice_cstr(c->industry);
		job.field[POSTING_CITY] = slice_cstr(strbuf_str(&city));
		job.field[POSTING_CATEGORY] = slice_cstr(category);
		job.field[POSTING_SALARY] = slice_cstr(strbuf_str(&salary));
		job.field[POSTING_EDUCATION] = slice_cstr(education);
		job.field[POSTING_EXPERIENCE] = slice_cstr(experience);
		job.field[POSTING_TAGS] = slice_cstr(strbuf_str(&tags));
		job.field[POSTING_DESCRIPTION] = slice_cstr(strbuf_str(&desc));
		choose_title(&t, ps, &job, &title);
		strbuf_reset(&all);
		strbuf_addf(&all, "%s\n%s\n%s\n%s", strbuf_str(&title), category, strbuf_str(&tags), strbuf_str(&desc));
		if (kwcheck_any(kc, &scratch, all.buf) != (ps->domain != 0)) {
			st = error_set(err, TS_EDATA, path, 0,
				       "demo: self-check: %s posting '%s' (%s) %s a domain keyword",
				       ps->domain ? "domain" : "other", strbuf_str(&title), strbuf_str(&tags),
				       ps->domain ? "lacks" : "holds");
			break;
		}
		strbuf_reset(&row);
		strbuf_addf(&row, "J%u,", ps->id);
		csv_field(&row, strbuf_str(&date), ',');
		size_t fields = row.len;
		csv_field(&row, c->name, ',');
		csv_field(&row, strbuf_str(&title), ',');
		csv_field(&row, c->industry, ',');
		csv_field(&row, strbuf_str(&city), ',');
		csv_field(&row, category, ',');
		csv_field(&row, strbuf_str(&salary), ',');
		strbuf_addf(&row, "%d,", ps->openings);
		csv_field(&row, education, ',');
		csv_field(&row, experience, ',');
		csv_field(&row, strbuf_str(&tags), ',');
		csv_field(&row, strbuf_str(&desc), '\n');
		out_write(&o, row.buf, row.len);
		if (ps->dup)
			saved[refs[k].ix] = xstrdup(row.buf);
		if (ps->repost) {
			struct saved_job *sj = &again[refs[k].ix];
			sj->fields = xstrdup(row.buf + fields);
			struct slice key = jobs_key(&t.jobs, &job);
			sj->key = xstrndup(key.ptr, key.len);
			sj->key_len = key.len;
		}
		/* now and then a row the reader must reject */
		if (rng_chance(r, 0.0006)) {
			static const char *const bad_dates[] = { "N/A", "2024-13-01", "昨天",
								 "--" };
			strbuf_reset(&row);
			strbuf_addf(&row, "J%u,%s,", bad_id++, bad_dates[rng_below(r, 4)]);
			csv_field(&row, c->name, ',');
			csv_field(&row, strbuf_str(&title), ',');
			strbuf_addf(&row, "%s,,%s,,1,,,,\n", c->industry, category);
			out_write(&o, row.buf, row.len);
		} else if (rng_chance(r, 0.0004)) {
			strbuf_reset(&row);
			strbuf_addf(&row, "J%u,%04d-%02d-%02d,", bad_id++, month_year(ps->month),
				    month_num(ps->month), ps->day);
			csv_field(&row, c->name, '\n');
			out_write(&o, row.buf, row.len);
		}
	}
	for (size_t i = 0; i < n; i++) {
		free(saved[i]);
		free(again[i].fields);
		free(again[i].key);
	}
	free(saved);
	free(again);
	free(refs);
	jobs_release(&t.jobs);
	dict_release(&t.kwtitles);
	free(t.kwcounts);
	strbuf_release(&t.base);
	strbuf_release(&t.cand);
	strbuf_release(&t.scratch);
	strbuf_release(&row);
	strbuf_release(&title);
	strbuf_release(&tags);
	strbuf_release(&desc);
	strbuf_release(&tmp);
	strbuf_release(&scratch);
	strbuf_release(&all);
	strbuf_release(&date);
	strbuf_release(&city);
	strbuf_release(&salary);
	enum ts_status cst = out_close(&o, err);
	return st != TS_OK ? st : cst;
}

/* -------------------------------------------------------- applications */

struct app {
	unsigned posting; /* posting id; 0 = orphan with id in talent field */
	int month, day;
	unsigned talent;
	uint32_t key;
	int bad;
};

static int app_cmp(const void *a, const void *b)
{
	const struct app *x = a, *y = b;
	if (x->month != y->month)
		return x->month - y->month;
	if (x->day != y->day)
		return x->day - y->day;
	return x->key < y->key ? -1 : x->key > y->key;
}

static enum ts_status write_applications(struct plan *pl, const char *dir, unsigned max_id,
					 struct ts_error *err)
{
	struct rng *r = &pl->rng;
	struct app *apps = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < pl->nposts; i++) {
		const struct posting *ps = &pl->posts[i];
		int count = ps->apps;
		if (!ps->domain)
			count = (int)(ps->openings * 1.6 * rng_unit(r));
		for (int a = 0; a < count; a++) {
			GROW(apps, cap, n + 2);
			struct app *ap = &apps[n++];
			ap->posting = ps->id;
			ap->bad = 0;
			/* within the posting's month, so that a month's ratio is its own */
			int d = ps->day + (int)rng_below(r, 12);
			if (d > month_days[ps->month])
				d = month_days[ps->month] - (int)rng_below(r, 2);
			if (d < ps->day)
				d = ps->day;
			ap->month = ps->month;
			ap->day = d;
			size_t nt = ps->domain ? pl->ntalents_domain : pl->ntalents;
			ap->talent = 1000001 + rng_below(r, (unsigned)nt);
			ap->key = (uint32_t)rng_next(r);
			if (rng_chance(r, 0.0015)) { /* an orphan beside it */
				struct app *o = &apps[n++];
				*o = *ap;
				o->posting = max_id + 1000 + rng_below(r, 100000);
				o->key = (uint32_t)rng_next(r);
			} else if (rng_chance(r, 0.0003)) { /* an unreadable one */
				struct app *o = &apps[n++];
				*o = *ap;
				o->bad = 1;
				o->key = (uint32_t)rng_next(r);
			}
		}
	}
	qsort(apps, n, sizeof(*apps), app_cmp);

	char subdir[4096], path[4200];
	snprintf(subdir, sizeof(subdir), "%s/applications", dir);
	if (mkdir(subdir, 0777) != 0 && errno != EEXIST) {
		free(apps);
		return error_set(err, TS_EIO, subdir, 0, "cannot create '%s': %s", subdir,
				 strerror(errno));
	}
	enum ts_status st = TS_OK;
	struct strbuf row = STRBUF_INIT;
	size_t k = 0;
	/* one shard a quarter; the last one plain CSV */
	for (int q = 0; q < 7 && st == TS_OK; q++) {
		bool gz = q < 6;
		snprintf(path, sizeof(path), "%s/part-%02d.csv%s", subdir, q + 1, gz ? ".gz" : "");
		struct out o;
		st = out_open(&o, path, gz, err);
		if (st != TS_OK)
			break;
		static const char header[] = "posting_id,applied,talent_id\n";
		out_write(&o, header, sizeof(header) - 1);
		for (; k < n && apps[k].month / 3 == q; k++) {
			const struct app *ap = &apps[k];
			strbuf_reset(&row);
			if (ap->bad)
				strbuf_addf(&row, "J%u,N/A,U%u\n", ap->posting, ap->talent);
			else
				strbuf_addf(&row, "J%u,%04d-%02d-%02d %02d:%02d:%02d,U%u\n",
					    ap->posting, month_year(ap->month), month_num(ap->month),
					    ap->day, 7 + (int)rng_below(r, 16), (int)rng_below(r, 60),
					    (int)rng_below(r, 60), ap->talent);
			out_write(&o, row.buf, row.len);
		}
		st = out_close(&o, err);
	}
	strbuf_release(&row);
	free(apps);
	return st;
}

/* ------------------------------------------------------------- talents */

static enum ts_status write_talents(struct plan *pl, const char *dir, const struct kwcheck *kc,
				    struct ts_error *err)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/talents.csv", dir);
	struct out o;
	enum ts_status st = out_open(&o, path, false, err);
	if (st != TS_OK)
		return st;
	struct rng *r = &pl->rng;
	const unsigned S = pl->scale;
	/* domain talents: exact city counts, a few without a city */
	size_t nd = 0;
	for (int c = 0; c < N_CITIES; c++)
		nd += (size_t)cities[c].talents * S;
	size_t no_city = 150 * S, nother = 8000 * S;
	size_t total_domain = nd + no_city;
	int *city = xmalloc(total_domain * sizeof(int));
	size_t k = 0;
	for (int c = 0; c < N_CITIES; c++)
		for (unsigned j = 0; j < (unsigned)cities[c].talents * S; j++)
			city[k++] = c;
	for (size_t j = 0; j < no_city; j++)
		city[k++] = -1;
	shuffle_ints(r, city, total_domain);
	pl->ntalents_domain = total_domain;
	pl->ntalents = total_domain + nother;

	struct strbuf row = STRBUF_INIT, title = STRBUF_INIT, tags = STRBUF_INIT,
		      resume = STRBUF_INIT, tmp = STRBUF_INIT, scratch = STRBUF_INIT;
	strbuf_addstr(&row, "id,city,title,tags,resume,work_years\n");
	out_write(&o, row.buf, row.len);
	for (size_t t = 0; t < pl->ntalents && st == TS_OK; t++) {
		bool domain = t < total_domain;
		strbuf_reset(&title);
		strbuf_reset(&tags);
		strbuf_reset(&resume);
		strbuf_reset(&tmp);
		int c;
		const struct company *co = &pl->companies[rng_below(r, (unsigned)pl->ncompanies)];
		if (domain) {
			c = city[t];
			const struct role_def *rd = &roles[rng_below(r, N_ROLES)];
			pick_alt(r, rd->titles, &title);
			pick_alt(r, rd->kwtags, &tags);
			strbuf_addch(&tags, ',');
			pick_alt(r, rd->skills, &tags);
			strbuf_addch(&tags, ',');
			pick_alt(r, rd->skills, &tags);
			strbuf_addf(&resume, "%d年至今就职于%s，", 2015 + (int)rng_below(r, 9),
				    co->name);
			pick_alt(r, rd->duties, &resume);
			strbuf_addstr(&resume, "。");
		} else {
			unsigned w = rng_below(r, 100);
			c = w < 85 ? (int)rng_below(r, N_CITIES) : -1;
			const struct plain_job *j = &plain_jobs[rng_below(r, N_PLAIN_JOBS)];
			pick_alt(r, j->titles, &title);
			pick_alt(r, j->skills, &tags);
			strbuf_addch(&tags, ',');
			pick_alt(r, j->skills, &tags);
			strbuf_addf(&resume, "%d年至今就职于%s，", 2012 + (int)rng_below(r, 12),
				    co->name);
			pick_alt(r, j->duties, &resume);
			strbuf_addstr(&resume, "。");
		}
		strbuf_reset(&row);
		strbuf_addf(&row, "%s\n%s\n%s", strbuf_str(&title), strbuf_str(&tags), strbuf_str(&resume));
		if (kwcheck_any(kc, &scratch, row.buf) != domain) {
			st = error_set(err, TS_EDATA, path, 0,
				       "demo: self-check: talent '%s' (%s) %s a domain keyword",
				       strbuf_str(&title), strbuf_str(&tags), domain ? "lacks" : "holds");
			break;
		}
		strbuf_reset(&row);
		strbuf_addf(&row, "U%zu,", 1000001 + t);
		if (c >= 0)
			city_text(&tmp, c, r);
		csv_field(&row, strbuf_str(&tmp), ',');
		csv_field(&row, strbuf_str(&title), ',');
		csv_field(&row, strbuf_str(&tags), ',');
		csv_field(&row, strbuf_str(&resume), ',');
		strbuf_addf(&row, "%d\n", 1 + (int)rng_below(r, 15));
		out_write(&o, row.buf, row.len);
	}
	free(city);
	strbuf_release(&row);
	strbuf_release(&title);
	strbuf_release(&tags);
	strbuf_release(&resume);
	strbuf_release(&tmp);
	strbuf_release(&scratch);
	enum ts_status cst = out_close(&o, err);
	return st != TS_OK ? st : cst;
}

/* ---------------------------------------------------------------- posts */

static const char *const content_main[] = {
	"大模型岗位今年还好进吗？想从后端转过去",
	"聊聊大模型落地：ToB项目里最难的其实是数据",
	"大模型公司面试复盘，手撕代码加项目深挖",
	"MOE架构的大模型训练成本到底降了多少",
	"大模型创业公司和大厂的大模型团队怎么选",
	"做大模型应用半年，说说真实的工作强度",
	"金三银四，大模型方向的offer比去年多了吗",
	"文本生成和多模态生成，大模型业务选哪个方向",
	"大模型算法岗涨薪30%是常态吗",
	"用大模型写周报被老板发现了",
};

static const char *const content_comment[] = {
	"同问，大模型方向现在卷不卷",
	"我们组也在招大模型算法，可以内推",
	"大模型这块还是看卡，算力决定一切",
	"转大模型应用开发，半年找到了工作",
	"大模型五虎的面试难度都不低",
	"感觉大模型的泡沫在消退，理性了很多",
	"+1，在做大模型推理优化，天天加班",
};

static const char *const plain_main[] = {
	"今年跳槽涨幅多少合适？", "Java后端还有前途吗", "年终奖发了吗，大家都几个月",
	"裸辞三个月了，心态有点崩", "互联网大厂和国企怎么选", "北京租房推荐哪个区",
	"35岁危机是真的吗", "产品经理转行做什么好", "新能源车企的工作强度怎么样",
	"面试被问期望薪资怎么回答",
};

static const char *const plain_comment[] = {
	"看行业，一般20%到30%", "同感，先稳住再说", "建议先骑驴找马", "我们公司还行，不怎么加班",
	"哈哈哈哈", "mark一下", "楼主加油",
};

struct post {
	int month, day, sec;
	int content;
	int main_post;
	uint32_t key;
};

static int post_cmp(const void *a, const void *b)
{
	const struct post *x = a, *y = b;
	if (x->month != y->month)
		return x->month - y->month;
	if (x->day != y->day)
		return x->day - y->day;
	if (x->sec != y->sec)
		return x->sec - y->sec;
	return x->key < y->key ? -1 : x->key > y->key;
}

static enum ts_status write_posts(struct plan *pl, const char *dir, struct ts_error *err)
{
	struct rng *r = &pl->rng;
	const unsigned S = pl->scale;
	struct post *posts = NULL;
	size_t n = 0, cap = 0;
	for (int m = 0; m < N_MONTHS; m++) {
		unsigned nc = (unsigned)content_month[m] * S;
		unsigned np = (420 + rng_below(r, 160)) * S;
		for (unsigned k = 0; k < nc + np; k++) {
			GROW(posts, cap, n + 1);
			struct post *p = &posts[n++];
			p->month = m;
			p->day = 1 + (int)rng_below(r, (unsigned)month_days[m]);
			p->sec = (int)rng_below(r, 86400);
			p->content = k < nc;
			p->main_post = rng_chance(r, 0.35);
			p->key = (uint32_t)rng_next(r);
		}
	}
	qsort(posts, n, sizeof(*posts), post_cmp);

	char path[4096];
	snprintf(path, sizeof(path), "%s/posts.jsonl", dir);
	struct out o;
	enum ts_status st = out_open(&o, path, false, err);
	if (st != TS_OK) {
		free(posts);
		return st;
	}
	struct strbuf row = STRBUF_INIT, tmp = STRBUF_INIT;
	size_t last_main = 0;
	bool have_main = false;
	for (size_t i = 0; i < n; i++) {
		const struct post *p = &posts[i];
		bool main_post = p->main_post || !have_main;
		const char *text;
		if (p->content)
			text = main_post ? content_main[rng_below(r, 10)]
					 : content_comment[rng_below(r, 7)];
		else
			text = main_post ? plain_main[rng_below(r, 10)]
					 : plain_comment[rng_below(r, 7)];
		strbuf_reset(&row);
		strbuf_addf(&row, "{\"id\": \"P%zu\", \"parent_id\": ", 20000001 + i);
		if (main_post) {
			strbuf_addstr(&row, "\"\"");
		} else {
			size_t span = last_main + 1 < 300 ? last_main + 1 : 300;
			size_t parent = last_main - rng_below(r, (unsigned)span);
			/* the parent must be a main post: walk back to one */
			while (parent > 0 && !(posts[parent].main_post || parent == 0))
				parent--;
			strbuf_addf(&row, "\"P%zu\"", 20000001 + parent);
		}
		strbuf_reset(&tmp);
		strbuf_addf(&tmp, "%04d-%02d-%02d %02d:%02d:%02d", month_year(p->month),
			    month_num(p->month), p->day, p->sec / 3600, p->sec / 60 % 60,
			    p->sec % 60);
		strbuf_addstr(&row, ", \"created\": ");
		json_str(&row, strbuf_str(&tmp));
		strbuf_addstr(&row, ", \"text\": ");
		json_str(&row, text);
		strbuf_addf(&row, ", \"likes\": %u}\n", rng_below(r, 200));
		out_write(&o, row.buf, row.len);
		if (main_post) {
			last_main = i;
			have_main = true;
		}
	}
	strbuf_release(&row);
	strbuf_release(&tmp);
	free(posts);
	return out_close(&o, err);
}

/* ----------------------------------------------------------- companies */

static enum ts_status write_companies(const char *dir, struct ts_error *err)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/companies.csv", dir);
	struct out o;
	enum ts_status st = out_open(&o, path, false, err);
	if (st != TS_OK)
		return st;
	struct strbuf row = STRBUF_INIT;
	strbuf_addstr(&row, "name,group,industry,product,employees,funding,valuation,hq_city\n");
	for (int c = 0; c < N_GROUPED; c++) {
		const struct named_company *nc = &named[c];
		csv_field(&row, nc->name, ',');
		csv_field(&row, nc->group, ',');
		csv_field(&row, nc->industry, ',');
		csv_field(&row, nc->product, ',');
		csv_field(&row, nc->employees, ',');
		csv_field(&row, nc->funding, ',');
		csv_field(&row, nc->valuation, ',');
		csv_field(&row, nc->hq, '\n');
	}
	out_write(&o, row.buf, row.len);
	strbuf_release(&row);
	return out_close(&o, err);
}

static enum ts_status write_config(const char *dir, unsigned scale, struct ts_error *err)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/talentscope.conf", dir);
	struct out o;
	enum ts_status st = out_open(&o, path, false, err);
	if (st != TS_OK)
		return st;
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, "# The demo report's options: the reference report's periods and the\n"
			   "# fixed coefficients (固定系数) its indices are divided by.\n"
			   "period = 2023=2023-01..2023-12\n"
			   "period = 2024年1-7月=2024-01..2024-07\n");
	strbuf_addf(&sb,
		    "coef = postings=%u,applications=%u,content=%u,roles=%u,industries=%u,"
		    "companies=%u\n",
		    COEF_POSTINGS * scale, COEF_APPLICATIONS * scale, COEF_CONTENT * scale,
		    COEF_ROLES * scale, COEF_INDUSTRIES * scale, COEF_COMPANIES * scale);
	strbuf_addf(&sb, "min-group = %u\ntop = 10\n", MIN_GROUP * scale);
	out_write(&o, sb.buf, sb.len);
	strbuf_release(&sb);
	return out_close(&o, err);
}

/* ---------------------------------------------------------------- main */

enum ts_status demo_market_write(const char *datadir, unsigned scale, unsigned long seed,
				 struct ts_error *err)
{
	if (scale == 0)
		return error_set(err, TS_EUSAGE, NULL, 0, "demo: scale must be at least 1");
	enum ts_status st = fs_mkdir_p(datadir, err);
	if (st != TS_OK)
		return st;

	struct plan pl;
	memset(&pl, 0, sizeof(pl));
	pl.scale = scale;
	pl.seed = (uint64_t)seed;
	rng_seed(&pl.rng, (uint64_t)seed ^ 0x7a6c5e4f3d2b1a09ULL);

	for (int c = 0; c < N_NAMED; c++)
		plan_add_company(&pl, named[c].name, named[c].industry, c,
				 city_find(named[c].hq), named[c].premium, named[c].salary24, 3);
	size_t first_tail = pl.ncompanies;
	st = plan_domain(&pl, err);
	size_t ntail = pl.ncompanies - first_tail;
	for (int c = 0; c < N_PLAIN && st == TS_OK; c++)
		plan_add_company(&pl, plain_companies[c].name, plain_companies[c].industry, -1,
				 city_find(plain_companies[c].hq), 0, 0, 2);
	if (st == TS_OK) {
		plan_other_postings(&pl, first_tail, ntail);
		qsort(pl.posts, pl.nposts, sizeof(*pl.posts), posting_order_cmp);
		for (size_t i = 0; i < pl.nposts; i++)
			pl.posts[i].id = 10000001u + (unsigned)i;
		plan_openings(&pl);
		plan_applications(&pl);
		plan_salary_unknown(&pl);
		st = plan_salaries(&pl, err);
	}
	if (st == TS_OK)
		plan_education(&pl);

	struct kwcheck kc = { NULL, 0 };
	const struct embedded_file *kw = embedded_find("keywords.txt");
	if (st == TS_OK && !kw)
		st = error_set(err, TS_EDATA, NULL, 0, "demo: no built-in keyword list");
	if (st == TS_OK)
		kwcheck_init(&kc, (const char *)kw->data, kw->len);
	if (st == TS_OK)
		st = write_postings(&pl, datadir, &kc, err);
	if (st == TS_OK)
		st = write_talents(&pl, datadir, &kc, err);
	if (st == TS_OK)
		st = write_applications(&pl, datadir, 10000001u + (unsigned)pl.nposts, err);
	if (st == TS_OK)
		st = write_posts(&pl, datadir, err);
	if (st == TS_OK)
		st = write_companies(datadir, err);
	if (st == TS_OK)
		st = write_config(datadir, scale, err);
	kwcheck_release(&kc);
	free(pl.posts);
	free(pl.companies);
	return st;
}
