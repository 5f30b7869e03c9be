export { createReportsRepository, type ReportsRepository } from './reports.repository.js';
export { createReportService, type Report, type ReportPeriod, type ReportRange, type ReportService } from './report-service.js';
export { reportCsv, REPORT_TABLES, type ReportTable } from './report-csv.js';
export { topicTerms, groupTopics } from './topic-terms.js';
export { createRollupJob } from './rollup-job.js';
