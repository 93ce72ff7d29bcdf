"""Benchmark offline transcription: real-time factor for a 60-second spoken answer on this machine.

The real-time factor is transcription time over audio length (under 1 is faster than real
time). Decoding the same audio is measured in the same run as a baseline.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from coach.samples import load_profiles
from coach.speech import _whisper_model, read_audio, transcribe_local


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    text = load_profiles()[0].answers["strong"]
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "answer.wav"
        # espeak-ng at its nominal 150 words a minute speaks this ~175-word answer in about a minute.
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(wav), text], check=True)
        data = wav.read_bytes()
    seconds = len(read_audio(data, "answer.wav")) / 16000
    _whisper_model()  # loading is once per process: not part of each transcription
    decode, transcribe = [], []
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        read_audio(data, "answer.wav")
        decode.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        transcript = transcribe_local(data, "answer.wav")
        transcribe.append(time.perf_counter() - t0)
    t, d = statistics.median(transcribe), statistics.median(decode)
    print(f"audio: {seconds:.1f} s, {len(transcript.words)} words transcribed")
    print(f"transcription: median {t:.2f} s = real-time factor {t / seconds:.3f} (target under 1)")
    print(f"decoding alone: median {d:.3f} s; transcription is {t / d:.0f}x decoding")


if __name__ == "__main__":
    main()
