/**
 * A local video file as a frame source: the user picks a file, it plays from an object URL
 * (nothing is uploaded), and it either loops or ends cleanly with a 'finished' signal.
 */
import { EndSignal, playVideo, whenVideoReady, type FrameSource } from './frame-source';

export interface ObjectUrlApi {
	createObjectURL(obj: Blob): string;
	revokeObjectURL(url: string): void;
}

/** Messages for MediaError codes (1 aborted, 2 network, 3 decode, 4 not supported). */
export function videoFileErrorMessage(code: number | undefined): string {
	switch (code) {
		case 3:
			return 'This video is damaged or uses an encoding your browser cannot decode. Try an MP4 (H.264) or WebM file.';
		case 4:
			return 'Your browser cannot play this file type. Try an MP4 (H.264) or WebM file.';
		default:
			return 'The video could not be opened. Try another file.';
	}
}

export class FileSource implements FrameSource {
	readonly kind = 'file' as const;
	/** A recording is shown as it was filmed. */
	readonly mirrored = false;
	readonly label: string;
	readonly loop: boolean;
	#url: string;
	#urls: ObjectUrlApi;
	#ended = new EndSignal();
	#video: HTMLVideoElement | null = null;
	#onEndedEvent = () => this.#ended.fire('finished');

	constructor(
		file: Blob & { name?: string },
		options: { loop?: boolean; urls?: ObjectUrlApi } = {}
	) {
		this.#urls = options.urls ?? URL;
		this.#url = this.#urls.createObjectURL(file);
		this.label = file.name || 'Video file';
		this.loop = options.loop ?? false;
	}

	async attach(video: HTMLVideoElement): Promise<void> {
		this.#video = video;
		video.srcObject = null;
		video.loop = this.loop;
		video.muted = true;
		video.playsInline = true;
		video.preload = 'auto';
		video.addEventListener('ended', this.#onEndedEvent);
		if (video.src !== this.#url) video.src = this.#url;
		// Wait on the first frame, paused: the recording must not run on while the model loads.
		await whenVideoReady(video).catch(() => {
			throw new Error(videoFileErrorMessage(video.error?.code));
		});
	}

	async play(video: HTMLVideoElement): Promise<void> {
		if (!video.paused) return;
		if (video.ended) video.currentTime = 0;
		await playVideo(video).catch(() => {
			throw new Error(videoFileErrorMessage(video.error?.code));
		});
	}

	/** Plays the file again from the start (after it finished). */
	async restart(): Promise<void> {
		const video = this.#video;
		if (!video) return;
		this.#ended = new EndSignal();
		video.currentTime = 0;
		await playVideo(video);
	}

	detach(video: HTMLVideoElement): void {
		video.removeEventListener('ended', this.#onEndedEvent);
		if (video.src === this.#url) {
			video.pause();
			video.removeAttribute('src');
			video.load();
		}
		if (this.#video === video) this.#video = null;
	}

	stop(): void {
		if (this.#video) this.detach(this.#video);
		this.#urls.revokeObjectURL(this.#url);
		this.#ended.clear();
	}

	onEnded(listener: (reason: 'disconnected' | 'finished') => void): () => void {
		return this.#ended.add(listener);
	}
}
