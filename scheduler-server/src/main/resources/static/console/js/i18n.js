// Console texts in Chinese (the default) and English. Station names are data and stay Chinese in both.
const TEXTS = {
  'zh-CN': {
    'app.title': 'RailCast 控制台', 'login.title': '登录', 'login.user': '用户名', 'login.password': '密码',
    'login.submit': '登录', 'login.error': '用户名或密码错误。', 'login.loggedOut': '您已退出。',
    'login.locked': '登录失败次数过多，已暂时锁定。请在 {minutes} 分钟后重试，或联系管理员解锁。',
    'login.roles': '规划员：商业投放 · 社会责任（CSR）：公益广告 · 运维：只读',
    'nav.dashboard': '总览', 'nav.booking': '预订', 'nav.timeline': '屏幕时间线', 'nav.network': '网络',
    'nav.inventory': '库存', 'nav.psa': '公益日历', 'nav.delivery': '投放报告', 'nav.logout': '退出',
    'role.PLANNER': '媒介规划员', 'role.CSR': '社会责任团队', 'role.OPERATOR': '运维', 'role.ADMIN': '管理员',
    'dash.screens': '屏幕状态', 'dash.online': '在线', 'dash.stale': '延迟', 'dash.offline': '离线',
    'dash.neverSeen': '从未上线', 'dash.version': '生效版本', 'dash.lastPlan': '最近一次规划',
    'dash.alerts': '告警', 'dash.noAlerts': '没有告警。', 'dash.oldVersion': '块屏幕播放旧版本',
    'dash.missingMedia': '块屏幕素材校验失败', 'dash.published': '发布于', 'dash.effective': '生效于',
    'dash.reason': '原因', 'dash.days': '天', 'dash.live': '实时规划事件', 'dash.waiting': '等待事件…',
    'dash.underDelivering': '个活动排期不足', 'dash.noVersion': '尚无版本',
    'dash.replan': '全网重新规划', 'dash.replanStart': '立即重新规划', 'dash.replanNone': '本服务器启动以来没有人工发起的重新规划。',
    'dash.replan.QUEUED': '排队中', 'dash.replan.RUNNING': '规划中', 'dash.replan.DONE': '完成', 'dash.replan.FAILED': '失败',
    'dash.replanHours': '小时已求解', 'dash.replanPublished': '已发布', 'dash.replanUnchanged': '方案未变，仍为',
    'dash.shortfall': '排期少于合同', 'dash.underPlayed': '播放少于排期', 'dash.plays': '次',
    'book.creatives': '素材', 'book.filter': '筛选…', 'book.targeting': '定向', 'book.provinces': '省份',
    'book.bureaus': '路局', 'book.stations': '车站', 'book.screenTypes': '屏幕类型', 'book.chosen': '已选屏幕',
    'book.flight': '投放期', 'book.start': '开始', 'book.end': '结束', 'book.dailyHours': '每日时段',
    'book.frequency': '频次', 'book.name': '活动名称', 'book.owner': '广告主', 'book.check': '检查余量',
    'book.submit': '提交预订', 'book.fits': '可以排下', 'book.short': '余量不足', 'book.checking': '检查中…',
    'book.shortfalls': '缺口', 'book.station': '车站', 'book.date': '日期', 'book.hour': '小时',
    'book.screens': '屏幕', 'book.shortSeconds': '缺少秒数', 'book.booked': '已预订并发布，版本',
    'book.wherePlays': '播放位置', 'book.scheduledPlays': '排期次数', 'book.openTimeline': '查看时间线',
    'book.heatmap': '余量热力图（车站 × 日期，空闲 %）', 'book.free': '空闲 %', 'book.noRight': '您的角色不能预订商业活动。', 'book.thisCampaign': '本活动',
    'tl.screen': '屏幕', 'tl.station': '车站', 'tl.date': '日期', 'tl.hour': '小时', 'tl.prevHour': '上一小时',
    'tl.nextHour': '下一小时', 'tl.prevDay': '前一天', 'tl.nextDay': '后一天', 'tl.nowPlaying': '正在播放',
    'tl.offAir': '该小时停播', 'tl.spots': '插播', 'tl.offset': '起始（秒）', 'tl.duration': '时长',
    'tl.campaign': '活动', 'tl.creative': '素材', 'tl.kind': '类型', 'tl.version': '版本',
    'net.search': '搜索车站…', 'net.all': '全部', 'net.tier': '等级', 'net.screenType': '屏幕类型',
    'net.code': '代码', 'net.name': '站名', 'net.province': '省份', 'net.bureau': '路局', 'net.screens': '屏幕数',
    'net.exportStations': '导出车站 CSV', 'net.exportScreens': '导出屏幕 CSV', 'net.import': '导入车站 CSV',
    'net.imported': '已导入', 'net.shown': '显示', 'net.more': '再显示 500 个', 'net.importTitle': '车站导入',
    'imp.read': '读取文件…', 'imp.upload': '上传', 'imp.rows': '行', 'imp.store': '服务器正在校验并写入（全部写入或都不写入）',
    'imp.failed': '没有导入任何车站', 'imp.line': '第 {n} 行',
    'up.title': '上传新素材', 'up.file': '文件（视频或图片）', 'up.id': '素材编号', 'up.duration': '时长',
    'up.screenTypes': '适用屏幕类型', 'up.submit': '上传', 'up.noFile': '请先选择文件', 'up.digest': '正在计算 SHA-256…',
    'up.sending': '上传中…', 'up.done': '已上传', 'up.failed': '上传失败',
    'inv.title': '填充率（省份 × 日期）', 'inv.drill': '点击单元格查看该省车站 × 小时', 'inv.stationHour': '车站 × 小时填充率',
    'inv.wholeDay': '全天', 'inv.closed': '停播',
    'psa.calendar': '公益广告日历', 'psa.share': '各省公益占比与下限', 'psa.floor': '下限', 'psa.actual': '实际占比',
    'psa.add': '新增公益广告', 'psa.readOnly': '您的角色只能查看公益日历。', 'psa.saved': '已保存公益广告', 'psa.network': '全网',
    'del.campaign': '活动', 'del.contracted': '合同次数', 'del.scheduled': '排期次数', 'del.played': '实播次数',
    'del.csv': '下载 CSV', 'del.xlsx': '下载 XLSX', 'del.note': '说明',
    'kind.COMMERCIAL': '商业', 'kind.PUBLIC_SERVICE': '公益', 'kind.FILLER': '垫片',
    'common.error': '出错了', 'common.load': '加载中…', 'common.progress': '进行中，可离开此页',
  },
  en: {
    'app.title': 'RailCast console', 'login.title': 'Sign in', 'login.user': 'User name', 'login.password': 'Password',
    'login.submit': 'Sign in', 'login.error': 'Wrong user name or password.', 'login.loggedOut': 'You have signed out.',
    'login.locked': 'Too many failed sign-ins: locked for now. Try again in {minutes} min, or ask an administrator to unlock.',
    'login.roles': 'Planners: commercial bookings · CSR team: public-service ads · Operators: read only',
    'nav.dashboard': 'Dashboard', 'nav.booking': 'Booking', 'nav.timeline': 'Screen timeline', 'nav.network': 'Network',
    'nav.inventory': 'Inventory', 'nav.psa': 'PSA calendar', 'nav.delivery': 'Delivery', 'nav.logout': 'Sign out',
    'role.PLANNER': 'Media planner', 'role.CSR': 'CSR team', 'role.OPERATOR': 'Operator', 'role.ADMIN': 'Administrator',
    'dash.screens': 'Screens', 'dash.online': 'Online', 'dash.stale': 'Stale', 'dash.offline': 'Offline',
    'dash.neverSeen': 'Never seen', 'dash.version': 'Version in force', 'dash.lastPlan': 'Last plan',
    'dash.alerts': 'Alerts', 'dash.noAlerts': 'No alerts.', 'dash.oldVersion': 'screens play an old version',
    'dash.missingMedia': 'screens miss media (checksum)', 'dash.published': 'Published', 'dash.effective': 'Effective',
    'dash.reason': 'Reason', 'dash.days': 'days', 'dash.live': 'Live planning events', 'dash.waiting': 'Waiting for events…',
    'dash.underDelivering': 'campaigns under-delivering', 'dash.noVersion': 'No version yet',
    'dash.replan': 'Full re-plan', 'dash.replanStart': 'Re-plan now', 'dash.replanNone': 'No re-plan was asked for since this server started.',
    'dash.replan.QUEUED': 'Queued', 'dash.replan.RUNNING': 'Planning', 'dash.replan.DONE': 'Done', 'dash.replan.FAILED': 'Failed',
    'dash.replanHours': 'hours solved', 'dash.replanPublished': 'published', 'dash.replanUnchanged': 'unchanged, still',
    'dash.shortfall': 'scheduled below contract by', 'dash.underPlayed': 'played below schedule by',
    'dash.plays': 'plays',
    'book.creatives': 'Creatives', 'book.filter': 'Filter…', 'book.targeting': 'Targeting', 'book.provinces': 'Provinces',
    'book.bureaus': 'Bureaus', 'book.stations': 'Stations', 'book.screenTypes': 'Screen types', 'book.chosen': 'Screens chosen',
    'book.flight': 'Flight', 'book.start': 'Start', 'book.end': 'End', 'book.dailyHours': 'Daily hours',
    'book.frequency': 'Frequency', 'book.name': 'Campaign name', 'book.owner': 'Advertiser', 'book.check': 'Check availability',
    'book.submit': 'Book', 'book.fits': 'Fits', 'book.short': 'Does not fit', 'book.checking': 'Checking…',
    'book.shortfalls': 'Shortfalls', 'book.station': 'Station', 'book.date': 'Date', 'book.hour': 'Hour',
    'book.screens': 'Screens', 'book.shortSeconds': 'Seconds short', 'book.booked': 'Booked and published in version',
    'book.wherePlays': 'Where it plays', 'book.scheduledPlays': 'Scheduled plays', 'book.openTimeline': 'Open timeline',
    'book.heatmap': 'Availability (stations × days, free %)', 'book.free': 'Free %', 'book.noRight': 'Your role may not book commercial campaigns.', 'book.thisCampaign': 'this campaign',
    'tl.screen': 'Screen', 'tl.station': 'Station', 'tl.date': 'Date', 'tl.hour': 'Hour', 'tl.prevHour': 'Previous hour',
    'tl.nextHour': 'Next hour', 'tl.prevDay': 'Previous day', 'tl.nextDay': 'Next day', 'tl.nowPlaying': 'Now playing',
    'tl.offAir': 'Off air this hour', 'tl.spots': 'Spots', 'tl.offset': 'Offset (s)', 'tl.duration': 'Duration',
    'tl.campaign': 'Campaign', 'tl.creative': 'Creative', 'tl.kind': 'Kind', 'tl.version': 'Version',
    'net.search': 'Search stations…', 'net.all': 'All', 'net.tier': 'Tier', 'net.screenType': 'Screen type',
    'net.code': 'Code', 'net.name': 'Name', 'net.province': 'Province', 'net.bureau': 'Bureau', 'net.screens': 'Screens',
    'net.exportStations': 'Export stations CSV', 'net.exportScreens': 'Export screens CSV', 'net.import': 'Import stations CSV',
    'net.imported': 'Imported', 'net.shown': 'shown', 'net.more': 'Show 500 more', 'net.importTitle': 'Station import',
    'imp.read': 'Reading the file…', 'imp.upload': 'Uploading', 'imp.rows': 'rows', 'imp.store': 'The server checks and stores (all rows or none)',
    'imp.failed': 'No station was imported', 'imp.line': 'line {n}',
    'up.title': 'Upload a new creative', 'up.file': 'File (video or image)', 'up.id': 'Creative id', 'up.duration': 'Duration',
    'up.screenTypes': 'For screen types', 'up.submit': 'Upload', 'up.noFile': 'Choose a file first', 'up.digest': 'Computing SHA-256…',
    'up.sending': 'Uploading…', 'up.done': 'Uploaded', 'up.failed': 'Upload failed',
    'inv.title': 'Fill % (province × day)', 'inv.drill': 'Click a cell for its stations × hours', 'inv.stationHour': 'Fill % by station × hour',
    'inv.wholeDay': 'Whole day', 'inv.closed': 'Closed',
    'psa.calendar': 'Public-service calendar', 'psa.share': 'PSA share per province vs floor', 'psa.floor': 'Floor', 'psa.actual': 'Share',
    'psa.add': 'Add a public-service ad', 'psa.readOnly': 'Your role may only view the PSA calendar.', 'psa.saved': 'Saved PSA', 'psa.network': 'whole network',
    'del.campaign': 'Campaign', 'del.contracted': 'Contracted', 'del.scheduled': 'Scheduled', 'del.played': 'Played',
    'del.csv': 'Download CSV', 'del.xlsx': 'Download XLSX', 'del.note': 'Note',
    'kind.COMMERCIAL': 'Commercial', 'kind.PUBLIC_SERVICE': 'Public service', 'kind.FILLER': 'Filler',
    'common.error': 'Something went wrong', 'common.load': 'Loading…', 'common.progress': 'In progress, you may leave this page',
  },
};

const KEY = 'railcast.lang';

export function lang() {
  const chosen = localStorage.getItem(KEY);
  return chosen === 'en' ? 'en' : 'zh-CN';
}

export function setLang(value) {
  localStorage.setItem(KEY, value === 'en' ? 'en' : 'zh-CN');
}

export function t(key) {
  return TEXTS[lang()][key] ?? TEXTS['zh-CN'][key] ?? key;
}

/** Fills every element with data-i18n (text) or data-i18n-placeholder under root. */
export function applyTexts(root = document) {
  document.documentElement.lang = lang();
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
}
