import type { DragEvent } from 'react';

/**
 * The props that make an element take dropped files: a file dropped on it is handed over, never
 * opened by the browser instead; anything else dragged over it is left alone.
 */
export function fileDrop(onFiles: (files: FileList) => void): {
  onDragOver: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
} {
  return {
    onDragOver: (event) => {
      if (!event.dataTransfer.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDrop: (event) => {
      if (event.dataTransfer.files.length === 0) return;
      event.preventDefault();
      onFiles(event.dataTransfer.files);
    },
  };
}
