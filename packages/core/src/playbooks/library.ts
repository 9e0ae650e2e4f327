/** The playbooks by context, and the quick reference of moves: the method's know-how in one place. */
import type { Context } from '../model/plan'
import { CUSTOM_PLAYBOOK } from './custom'
import { HIRING_PLAYBOOK } from './hiring'
import { PARTNERSHIP_PLAYBOOK } from './partnership'
import { PROCUREMENT_PLAYBOOK } from './procurement'
import { SALES_PLAYBOOK } from './sales'
import type { Playbook } from './types'

export { QUICK_REFERENCE } from './quick-reference'

export const PLAYBOOKS: Record<Context, Playbook> = {
  sales: SALES_PLAYBOOK,
  partnership: PARTNERSHIP_PLAYBOOK,
  procurement: PROCUREMENT_PLAYBOOK,
  hiring: HIRING_PLAYBOOK,
  custom: CUSTOM_PLAYBOOK,
}
