/**
 * Chart.js, registered with only the parts the progress page draws (bars, lines, two linear
 * axes over categories, tooltips, legend), so the bundle carries nothing else. Chart.js draws on
 * a canvas with no eval and no injected styles, which the app's strict CSP needs.
 */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
} from 'chart.js';

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
);

export { Chart };
