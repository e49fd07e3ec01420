package io.railcast.demo;

import java.util.List;

/**
 * Who buys airtime in the stations, by exclusive category. The names are invented but read like the brands that
 * advertise in Chinese stations; about half the buyers belong to no exclusive category.
 */
final class Advertisers {

    /** One buyer, the category its spots must be kept apart in ("" for none), and what it advertises. */
    record Advertiser(String name, String category, List<String> themes) {}

    static final List<String> CATEGORIES = List.of("automotive", "liquor", "telecom", "banking", "beverage");

    private static final List<Advertiser> ALL = List.of(
            new Advertiser("华骋汽车", "automotive", List.of("新车上市", "国庆购车节", "智能电动SUV")),
            new Advertiser("远驰新能源汽车", "automotive", List.of("以旧换新", "品牌形象", "试驾季")),
            new Advertiser("凌岳汽车", "automotive", List.of("全新轿跑", "金秋购车")),
            new Advertiser("赤岭酱酒", "liquor", List.of("中秋团圆", "宴席用酒", "品牌形象")),
            new Advertiser("青川酒业", "liquor", List.of("春节礼盒", "老友相聚")),
            new Advertiser("古渡老窖", "liquor", List.of("窖藏十年", "商务宴请")),
            new Advertiser("华讯通信", "telecom", List.of("5G畅享套餐", "千兆宽带", "校园卡")),
            new Advertiser("联星移动", "telecom", List.of("国际漫游", "家庭融合套餐")),
            new Advertiser("汇通银行", "banking", List.of("信用卡新客礼", "手机银行", "养老金融")),
            new Advertiser("恒泰银行", "banking", List.of("理财节", "出行信用卡")),
            new Advertiser("安和保险", "banking", List.of("旅途意外险", "健康保障")),
            new Advertiser("山泉天成", "beverage", List.of("旅途补水", "新品上市")),
            new Advertiser("清茗茶饮", "beverage", List.of("夏日清爽", "无糖茶")),
            new Advertiser("椰林椰汁", "beverage", List.of("品牌形象", "节日装")),
            new Advertiser("悦途旅行网", "", List.of("暑期出游", "酒店特惠", "国庆出行")),
            new Advertiser("云购商城", "", List.of("双十一", "年货节", "品牌日")),
            new Advertiser("美居家电", "", List.of("以旧换新", "智能家居")),
            new Advertiser("知学教育", "", List.of("开学季", "职业培训")),
            new Advertiser("鲜丰食品", "", List.of("地方特产", "中秋月饼")),
            new Advertiser("安居地产", "", List.of("新盘开售", "品质社区")),
            new Advertiser("速达快递", "", List.of("次日达", "寄件优惠")),
            new Advertiser("百草堂药业", "", List.of("品牌形象", "换季护理")),
            new Advertiser("优品手机", "", List.of("新机发布", "影像旗舰")),
            new Advertiser("锦程文旅", "", List.of("古城之旅", "冰雪季", "红色旅游")),
            new Advertiser("星河影业", "", List.of("国庆档新片", "贺岁档")));

    private static final List<Advertiser> CATEGORISED =
            ALL.stream().filter(a -> !a.category().isEmpty()).toList();
    private static final List<Advertiser> UNCATEGORISED =
            ALL.stream().filter(a -> a.category().isEmpty()).toList();

    private Advertisers() {}

    static Advertiser draw(Dice dice) {
        return dice.pick(dice.chance(0.5) ? CATEGORISED : UNCATEGORISED);
    }
}
