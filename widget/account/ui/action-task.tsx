/**
 * Beside each next action: "Zoho タスクを作成" (one click: a task linked to the account, due in a
 * week), or, once it exists, the task's status and due date, opening the task in the CRM.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { NextAction } from '../../../shared/engine/actions';
import { formatLocalDate } from '../../common/format';
import type { ActionTask } from '../data/tasks';
import { SaveStatus } from './bits';
import { RecordLink } from './record-link';
import { useSave } from './use-save';
import { useUi } from './ui-context';

export interface ActionTasks {
  taskFor(action: NextAction): ActionTask | null;
  create(action: NextAction): Promise<void>;
}

/** Zoho's standard task statuses (API values are English in every org), shown in the page's language. */
const TASK_STATUS: Record<string, { ja: string; en: string }> = {
  'Not Started': { ja: '未着手', en: 'Not started' },
  Deferred: { ja: '延期', en: 'Deferred' },
  'In Progress': { ja: '進行中', en: 'In progress' },
  Completed: { ja: '完了', en: 'Completed' },
  'Waiting for input': { ja: '入力待ち', en: 'Waiting for input' },
};

const TasksContext = createContext<ActionTasks | null>(null);

export function ActionTasksProvider(props: { tasks: ActionTasks | null; children: ComponentChildren }) {
  return <TasksContext.Provider value={props.tasks}>{props.children}</TasksContext.Provider>;
}

export function ActionTask(props: { action: NextAction }) {
  const tasks = useContext(TasksContext);
  const { t, lang } = useUi();
  const [save, run] = useSave();
  if (!tasks) return null;
  const task = tasks.taskFor(props.action);
  if (task)
    return (
      <span
        class={`action-task ${task.done ? 'ok-note' : ''}`}
        data-testid="action-task"
        data-status={task.status}
      >
        <RecordLink module="tasks" id={task.id} class="small">
          {t(task.done ? 'taskDone' : 'taskOpen', {
            status: TASK_STATUS[task.status]?.[lang] ?? task.status,
            due: formatLocalDate(task.dueDate),
          })}
        </RecordLink>
      </span>
    );
  return (
    <span class="action-task">
      <button
        type="button"
        class="link-btn small"
        data-testid="create-task"
        disabled={save.status === 'saving'}
        onClick={() => void run(() => tasks.create(props.action))}
      >
        {t('createTask')}
      </button>
      {save.status === 'failed' && <SaveStatus state={save} />}
    </span>
  );
}
