#!/usr/bin/python3
"""Independent reference for Whisper's log-mel features, with NumPy and OpenAI's mel_filters.npz,
following whisper/audio.py (torch.stft center=True, reflect pad, periodic Hann, last frame dropped).
Usage: whisper_log_mel_reference.py AUDIO_F32LE MEL_FILTERS_NPZ N_MELS OUT_F32LE"""
import sys
import numpy as np

audio = np.fromfile(sys.argv[1], dtype=np.float32)
filters = np.load(sys.argv[2])[f"mel_{sys.argv[3]}"]
n_fft, hop, n_samples = 400, 160, 480000
audio = np.pad(audio[:n_samples], (0, max(0, n_samples - len(audio))))
padded = np.pad(audio, (n_fft // 2, n_fft // 2), mode="reflect")
window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)
frames = np.lib.stride_tricks.sliding_window_view(padded, n_fft)[::hop]  # 3001 frames
power = np.abs(np.fft.rfft(frames * window, axis=1)) ** 2
power = power[:-1].T  # drop the last frame: [201, 3000]
mel = filters.astype(np.float64) @ power
log_spec = np.log10(np.maximum(mel, 1e-10))
log_spec = np.maximum(log_spec, log_spec.max() - 8.0)
((log_spec + 4.0) / 4.0).astype(np.float32).tofile(sys.argv[4])
