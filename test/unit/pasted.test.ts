// The project's pasted report (test/reports/pasted.txt): traditional, pinyin-annotated,
// garbled, with page boilerplate, half-width marks, no-break spaces and two counts of named
// people, through the typography, figures, outline and authoring code.
import { pasted } from '../reports/pasted';
import { pastedReportSuite } from '../reports/suite';

pastedReportSuite(pasted());
